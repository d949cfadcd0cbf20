using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Wire.Commands.ItemOperations;

/// <summary>Builds the itemoperations:Properties element of a fetched attachment or document (MS-ASCMD 2.2.3.139.2).</summary>
public static class ItemOperationsProperties
{
    /// <summary>
    /// Properties for file content: airsyncbase:ContentType, and Range and Total for a partial fetch. The bytes are
    /// not part of the element: they travel as <see cref="ItemOperationsFetchResult.Content"/>, which the response
    /// writes after these children as Data or Part. Version (document libraries) is never sent by a mailbox store.
    /// </summary>
    public static WbxmlElement File(string? contentType = null, string? range = null, long? total = null)
    {
        var properties = new WbxmlElement(IoPage.Properties);
        if (contentType is not null) properties.Add(WbxmlElement.WithText(AirSyncBase.ContentType, contentType));
        if (range is not null) properties.Add(WbxmlElement.WithText(IoPage.Range, range));
        if (total is { } size) properties.Add(WbxmlElement.WithText(IoPage.Total, size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return properties;
    }
}
