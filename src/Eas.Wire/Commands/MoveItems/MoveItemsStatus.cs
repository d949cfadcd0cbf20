namespace Eas.Wire.Commands.MoveItems;

/// <summary>
/// The per-item MoveItems status (MS-ASCMD 2.2.3.177.10). Note that success is 3, not 1. A request
/// <see cref="MoveItemsRequest.Parse"/> rejects with <see cref="EasRequestFormatException"/> is answered in the
/// optional top-level MoveItems Status from 14.0 on, with a <see cref="CommonStatus"/> (105 for a missing element such
/// as DstFldId, 103 otherwise; <see cref="ProtocolErrorStatus"/>), and with HTTP 400 before.
/// </summary>
public enum MoveItemsStatus
{
    /// <summary>The source folder is invalid, or the item is not in it; the client sends FolderSync or drops the item.</summary>
    InvalidSourceCollectionId = 1,

    /// <summary>The destination folder is invalid; the client sends FolderSync.</summary>
    InvalidDestinationCollectionId = 2,

    /// <summary>The item was moved; the client uses DstMsgId as its new server id.</summary>
    Success = 3,

    /// <summary>Source and destination are the same folder; the client treats the item as not moved.</summary>
    SameSourceAndDestination = 4,

    /// <summary>The move failed (several destinations for one item, or the store refused); the client may retry later.</summary>
    MoveFailure = 5,

    /// <summary>The source or destination item was locked; the client retries later.</summary>
    Locked = 7,
}
