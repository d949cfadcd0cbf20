namespace Eas.Wire.Commands.FolderCreate;

/// <summary>
/// The FolderCreate response status (MS-ASCMD 2.2.3.177.3). From 14.0 on a <see cref="CommonStatus"/>
/// value may stand here instead, cast to this type. A request <see cref="FolderCreateRequest.Parse"/>
/// rejects with <see cref="EasRequestFormatException"/> is answered with <see cref="ProtocolError"/>.
/// </summary>
public enum FolderCreateStatus
{
    /// <summary>The folder was created; the client stores the new SyncKey and ServerId.</summary>
    Success = 1,

    /// <summary>A folder of that name already exists under the parent; the client picks another name.</summary>
    FolderExists = 2,

    /// <summary>The parent is a special (system) folder that cannot hold the new folder; the client picks another parent.</summary>
    SpecialFolder = 3,

    /// <summary>The parent folder does not exist; the client sends FolderSync, then retries.</summary>
    ParentNotFound = 5,

    /// <summary>A server error; the client retries later.</summary>
    ServerError = 6,

    /// <summary>The SyncKey is stale; the client sends FolderSync, then retries.</summary>
    InvalidSyncKey = 9,

    /// <summary>The request is malformed; the client fixes its request (the answer to a malformed body).</summary>
    ProtocolError = 10,

    /// <summary>An unknown error; the client retries later.</summary>
    UnknownError = 11,

    /// <summary>An unusual back-end issue; the client retries later.</summary>
    CodeUnknown = 12,
}
