namespace Eas.Wire.Commands.FolderUpdate;

/// <summary>
/// The FolderUpdate response status (MS-ASCMD 2.2.3.177.6). From 14.0 on a <see cref="CommonStatus"/>
/// value may stand here instead, cast to this type. A request <see cref="FolderUpdateRequest.Parse"/>
/// rejects with <see cref="EasRequestFormatException"/> is answered with <see cref="ProtocolError"/>.
/// </summary>
public enum FolderUpdateStatus
{
    /// <summary>The folder was renamed or moved; the client stores the new SyncKey.</summary>
    Success = 1,

    /// <summary>A folder of that name exists, or the folder is a special folder that cannot be updated; the client gives up or picks another name.</summary>
    FolderExists = 2,

    /// <summary>The folder is the recipient information cache, which the client cannot update; the client gives up.</summary>
    RecipientInformationFolder = 3,

    /// <summary>The folder does not exist; the client sends FolderSync.</summary>
    FolderNotFound = 4,

    /// <summary>The new parent does not exist; the client sends FolderSync, then retries.</summary>
    ParentNotFound = 5,

    /// <summary>A server error; the client retries later.</summary>
    ServerError = 6,

    /// <summary>The SyncKey is stale; the client sends FolderSync, then retries.</summary>
    InvalidSyncKey = 9,

    /// <summary>The request is malformed; the client fixes its request (the answer to a malformed body).</summary>
    ProtocolError = 10,

    /// <summary>An unknown error; the client retries later.</summary>
    UnknownError = 11,
}
