using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.ItemOperations;

/// <summary>
/// The outcome of a Fetch (MS-ASCMD 2.2.3.67.1): its status, the ids echoed from the request, and the item's itemoperations:Properties
/// element, written as given (build one for an attachment or document with
/// <see cref="ItemOperationsProperties.File"/>).
/// </summary>
public sealed record ItemOperationsFetchResult(ItemOperationsStatus Status) : ItemOperationResult(Status)
{
    /// <summary>The item's folder (airsync:CollectionId).</summary>
    public string? CollectionId { get; init; }

    /// <summary>The item's server id (airsync:ServerId).</summary>
    public string? ServerId { get; init; }

    /// <summary>The document's link (documentlibrary:LinkId).</summary>
    public string? LinkId { get; init; }

    /// <summary>The Search result's id (search:LongId).</summary>
    public string? LongId { get; init; }

    /// <summary>The attachment's reference (airsyncbase:FileReference).</summary>
    public string? FileReference { get; init; }

    /// <summary>The item's class, e.g. <c>Email</c> (airsync:Class).</summary>
    public string? Class { get; init; }

    /// <summary>The itemoperations:Properties element; written as given when not null.</summary>
    public WbxmlElement? Properties { get; init; }
}
