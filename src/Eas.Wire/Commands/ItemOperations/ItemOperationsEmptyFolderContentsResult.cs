namespace Eas.Wire.Commands.ItemOperations;

/// <summary>The outcome of an EmptyFolderContents (MS-ASCMD 2.2.3.58): its status and the folder (airsync:CollectionId).</summary>
public sealed record ItemOperationsEmptyFolderContentsResult(ItemOperationsStatus Status, string CollectionId) : ItemOperationResult(Status);
