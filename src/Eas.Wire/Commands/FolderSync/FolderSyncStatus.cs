namespace Eas.Wire.Commands.FolderSync;

/// <summary>
/// The FolderSync response status (MS-ASCMD 2.2.3.177.5), global to the whole hierarchy. From 14.0 on a
/// <see cref="CommonStatus"/> value may stand here instead, cast to this type. A request
/// <see cref="FolderSyncRequest.Parse"/> rejects with <see cref="EasRequestFormatException"/> is answered
/// with <see cref="ProtocolError"/>.
/// </summary>
public enum FolderSyncStatus
{
    /// <summary>Success; the client stores the new SyncKey and applies the changes.</summary>
    Success = 1,

    /// <summary>A server error, often transient; the client retries, and after repeated failures restarts from SyncKey 0.</summary>
    ServerError = 6,

    /// <summary>The SyncKey is unknown or stale; the client restarts the hierarchy from SyncKey 0.</summary>
    InvalidSyncKey = 9,

    /// <summary>The request is incorrectly formatted; the client fixes its request (the answer to a malformed body).</summary>
    ProtocolError = 10,

    /// <summary>An unknown error; the client retries later.</summary>
    UnknownError = 11,

    /// <summary>An unusual back-end issue; the client retries later.</summary>
    CodeUnknown = 12,
}
