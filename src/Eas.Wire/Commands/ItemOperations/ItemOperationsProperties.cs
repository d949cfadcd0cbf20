using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Wire.Commands.ItemOperations;

/// <summary>Builds the itemoperations:Properties element of a fetched attachment or document (MS-ASCMD 2.2.3.139.2).</summary>
public static class ItemOperationsProperties
{
    /// <summary>
    /// Properties for file content: airsyncbase:ContentType, Range and Total for a partial fetch, then either
    /// Data (the bytes, base64-encoded as the spec's string form asks) or, in a multipart response
    /// (MS-ASAcceptMultiPart), Part: the index of the body part that carries the bytes.
    /// </summary>
    public static WbxmlElement File(string? contentType = null, string? range = null, long? total = null,
        ReadOnlyMemory<byte>? data = null, int? part = null, string? version = null)
    {
        if (data is not null && part is not null) throw new ArgumentException("A fetch carries either Data or Part, not both.", nameof(part));
        var properties = new WbxmlElement(IoPage.Properties);
        if (contentType is not null) properties.Add(WbxmlElement.WithText(AirSyncBase.ContentType, contentType));
        if (range is not null) properties.Add(WbxmlElement.WithText(IoPage.Range, range));
        if (total is { } size) properties.Add(WbxmlElement.WithText(IoPage.Total, size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (data is { } bytes) properties.Add(WbxmlElement.WithText(IoPage.Data, Convert.ToBase64String(bytes.Span)));
        if (part is { } index) properties.Add(WbxmlElement.WithText(IoPage.Part, index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (version is not null) properties.Add(WbxmlElement.WithText(IoPage.Version, version));
        return properties;
    }
}
