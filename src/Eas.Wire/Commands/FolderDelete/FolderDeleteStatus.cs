namespace Eas.Wire.Commands.FolderDelete;

/// <summary>
/// The FolderDelete response status (MS-ASCMD 2.2.3.177.4). From 14.0 on a <see cref="CommonStatus"/>
/// value may stand here instead, cast to this type. A request <see cref="FolderDeleteRequest.Parse"/>
/// rejects with <see cref="EasRequestFormatException"/> is answered with <see cref="ProtocolError"/>.
/// </summary>
public enum FolderDeleteStatus
{
    /// <summary>The folder was deleted; the client stores the new SyncKey.</summary>
    Success = 1,

    /// <summary>The folder is a special (system) folder that cannot be deleted; the client gives up.</summary>
    SpecialFolder = 3,

    /// <summary>The folder does not exist; the client sends FolderSync.</summary>
    FolderNotFound = 4,

    /// <summary>A server error; the client retries later.</summary>
    ServerError = 6,

    /// <summary>The SyncKey is stale; the client sends FolderSync, then retries.</summary>
    InvalidSyncKey = 9,

    /// <summary>The request is malformed; the client fixes its request (the answer to a malformed body).</summary>
    ProtocolError = 10,

    /// <summary>An unknown error; the client retries later.</summary>
    UnknownError = 11,
}
