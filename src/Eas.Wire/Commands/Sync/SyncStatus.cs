namespace Eas.Wire.Commands.Sync;

/// <summary>
/// The Sync status (MS-ASCMD 2.2.3.177.17): per collection, per item in Responses, or global on the Sync
/// element. From 14.0 on a <see cref="CommonStatus"/> value may stand in the global Status instead, cast
/// to this type. A request <see cref="SyncRequest.Parse"/> rejects with
/// <see cref="EasRequestFormatException"/> is answered with a global <see cref="ProtocolError"/>.
/// </summary>
public enum SyncStatus
{
    /// <summary>Success; the client stores the new SyncKey and applies the commands.</summary>
    Success = 1,

    /// <summary>The SyncKey is unknown or stale; the client restarts the collection from SyncKey 0 (after FolderSync if needed).</summary>
    InvalidSyncKey = 3,

    /// <summary>The request is malformed (also: Wait and HeartbeatInterval together); the client fixes its request.</summary>
    ProtocolError = 4,

    /// <summary>A server error, often transient; the client retries.</summary>
    ServerError = 5,

    /// <summary>The item could not be converted between client and server formats; the client drops or fixes the item.</summary>
    ConversionError = 6,

    /// <summary>Client and server changed the same item and the server's version won; the client takes the server's.</summary>
    Conflict = 7,

    /// <summary>The item named by a Change, Delete or Fetch does not exist; the client drops it.</summary>
    ObjectNotFound = 8,

    /// <summary>The command could not complete (for example, the mailbox is full); the client tells the user.</summary>
    CannotComplete = 9,

    /// <summary>The folder hierarchy changed; the client sends FolderSync, then retries.</summary>
    FolderHierarchyChanged = 12,

    /// <summary>An empty or partial Sync the server cannot complete from its cache; the client sends the full request.</summary>
    IncompleteRequest = 13,

    /// <summary>Wait or HeartbeatInterval is out of range; the client retries with the Limit the response gives.</summary>
    InvalidWaitOrHeartbeatInterval = 14,

    /// <summary>Too many collections, or the request is otherwise invalid; the client syncs fewer collections.</summary>
    InvalidSyncCommand = 15,

    /// <summary>Something on the server failed that a retry may fix; the client retries.</summary>
    Retry = 16,
}
