namespace Eas.Wire.Commands.ItemOperations;

/// <summary>The outcome of a conversation Move, 14.0+ (MS-ASCMD 2.2.3.117.1): its status and the ConversationId, written as opaque bytes.</summary>
public sealed record ItemOperationsMoveResult(ItemOperationsStatus Status, ReadOnlyMemory<byte> ConversationId) : ItemOperationResult(Status);
