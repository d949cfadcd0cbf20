namespace Eas.Wire.Commands.ItemOperations;

/// <summary>
/// A Fetch (MS-ASCMD 2.2.3.67.1): one item, attachment or document, named by ServerId with CollectionId,
/// by LinkId, by LongId (a Search result) or by FileReference (an attachment).
/// </summary>
/// <param name="Store">Where to look: <c>Mailbox</c> or <c>Document Library</c> (Store).</param>
public sealed record ItemOperationsFetch(string Store) : ItemOperation
{
    /// <summary>The item's server id (airsync:ServerId).</summary>
    public string? ServerId { get; init; }

    /// <summary>The item's folder (airsync:CollectionId).</summary>
    public string? CollectionId { get; init; }

    /// <summary>The document's link (documentlibrary:LinkId).</summary>
    public string? LinkId { get; init; }

    /// <summary>The Search result's id (search:LongId).</summary>
    public string? LongId { get; init; }

    /// <summary>The attachment's reference (airsyncbase:FileReference).</summary>
    public string? FileReference { get; init; }

    /// <summary>The fetch options; null when absent.</summary>
    public ItemOperationsFetchOptions? Options { get; init; }

    /// <summary>Whether to strip rights management protection, 14.1+ (rm:RemoveRightsManagementProtection).</summary>
    public bool RemoveRightsManagementProtection { get; init; }
}
