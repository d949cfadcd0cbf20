namespace Eas.Wire.Commands.ItemOperations;

/// <summary>Move a whole conversation, 14.0+ (Move, MS-ASCMD 2.2.3.117.1).</summary>
/// <param name="ConversationId">
/// The conversation: a byte array (MS-ASDTYPE 2.7.1), sent as opaque bytes; a slice of the request buffer.
/// </param>
/// <param name="DstFldId">
/// The destination folder (DstFldId, 2.2.3.51.1); null when the request left it out, which the server answers in the
/// Move's own Response with <see cref="CommonStatus.MoveCommandInvalidDestinationFolder"/> (MS-ASCMD 2.2.2).
/// </param>
public sealed record ItemOperationsMove(ReadOnlyMemory<byte> ConversationId, string? DstFldId) : ItemOperation
{
    /// <summary>Whether future messages of the conversation go there too (Options/MoveAlways, 2.2.3.118).</summary>
    public bool MoveAlways { get; init; }
}
