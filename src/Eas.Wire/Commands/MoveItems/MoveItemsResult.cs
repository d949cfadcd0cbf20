namespace Eas.Wire.Commands.MoveItems;

/// <summary>
/// The outcome for one item (Response, MS-ASCMD 2.2.1.12): the source id as sent, the status, and on
/// success the item's new server id (DstMsgId).
/// </summary>
public sealed record MoveItemsResult(string SrcMsgId, MoveItemsStatus Status)
{
    /// <summary>The item's server id in the destination folder; written when not null.</summary>
    public string? DstMsgId { get; init; }
}
