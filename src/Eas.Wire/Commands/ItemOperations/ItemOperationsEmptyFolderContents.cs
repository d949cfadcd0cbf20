namespace Eas.Wire.Commands.ItemOperations;

/// <summary>Delete everything in a folder (EmptyFolderContents, MS-ASCMD 2.2.3.58).</summary>
/// <param name="CollectionId">The folder (airsync:CollectionId).</param>
public sealed record ItemOperationsEmptyFolderContents(string CollectionId) : ItemOperation
{
    /// <summary>Whether subfolders go too (Options/DeleteSubFolders, 2.2.3.44).</summary>
    public bool DeleteSubFolders { get; init; }
}
