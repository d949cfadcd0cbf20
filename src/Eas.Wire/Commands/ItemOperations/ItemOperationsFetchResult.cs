using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.ItemOperations;

/// <summary>
/// The outcome of a Fetch (MS-ASCMD 2.2.3.67.1): its status, the ids echoed from the request, and the item's itemoperations:Properties
/// element, written as given (build one for an attachment or document with
/// <see cref="ItemOperationsProperties.File"/>), and the fetched bytes, which the response places inside Properties
/// when it is written (<see cref="Content"/>).
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

    /// <summary>
    /// The fetched attachment's bytes, read from their stream only when the response is written: the last child of
    /// Properties, as Data in base64 (MS-ASCMD 2.2.3.39.2) or, in a multipart response, as Part, the index of the
    /// body part that carries them (MS-ASCMD 2.2.3.130). The response's body owns it once encoded.
    /// </summary>
    public BinaryContent? Content { get; init; }

    /// <summary>
    /// The bytes of the airsyncbase:Body Data of a fetched item, read from their stream only when the response is
    /// written (a whole message as MIME, from the temporary file it was fetched into). The Body element in
    /// <see cref="Properties"/> then has no Data: the response writes it in its place, after Truncated and before
    /// Preview (MS-ASAIRS 2.2.2.9), as Data, an inline string (MS-ASAIRS 2.2.2.20.1), or, in a multipart response, as Part (MS-ASAIRS 2.2.2.33). The
    /// response's body owns it once encoded.
    /// </summary>
    public BinaryContent? BodyContent { get; init; }
}
