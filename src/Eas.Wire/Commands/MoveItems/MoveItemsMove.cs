namespace Eas.Wire.Commands.MoveItems;

/// <summary>
/// One item to move (Move, MS-ASCMD 2.2.1.12): the item's server id (SrcMsgId), its folder
/// (SrcFldId) and the destination folder (DstFldId), all required.
/// </summary>
public sealed record MoveItemsMove(string SrcMsgId, string SrcFldId, string DstFldId);
