using System.Xml.Linq;
using static Eas.Mail.Pim.CardDav.DavNames;

namespace Eas.Mail.Pim.CardDav;

/// <summary>The XML bodies this adapter sends.</summary>
internal static class DavRequests
{
    /// <summary>PROPFIND for named properties (RFC 4918 9.1).</summary>
    public static string PropFind(params XName[] properties) =>
        Render(new XElement(DavNames.PropFind, new XElement(Prop, properties.Select(p => new XElement(p)))));

    /// <summary>Extended MKCOL of an address book with its display name (RFC 5689 5.1, RFC 6352 6.3.1).</summary>
    public static string MkAddressBook(string displayName) =>
        Render(new XElement(MkCol, new XElement(Set, new XElement(Prop,
            new XElement(ResourceType, new XElement(Collection), new XElement(AddressBook)),
            new XElement(DisplayName, displayName)))));

    /// <summary>PROPPATCH setting the display name (RFC 4918 9.2).</summary>
    public static string SetDisplayName(string displayName) =>
        Render(new XElement(PropertyUpdate, new XElement(Set, new XElement(Prop, new XElement(DisplayName, displayName)))));

    /// <summary>
    /// The sync-collection REPORT (RFC 6578 3.2) at sync-level 1 (the collection's own members), asking for each
    /// member's ETag; an empty token asks for the initial, full listing.
    /// </summary>
    public static string SyncCollection(string? token) =>
        Render(new XElement(DavNames.SyncCollection,
            new XElement(SyncToken, token ?? ""),
            new XElement(SyncLevel, "1"),
            new XElement(Prop, new XElement(GetETag))));

    /// <summary>The addressbook-multiget REPORT (RFC 6352 8.7) of the given hrefs (absolute paths), with ETag and vCard.</summary>
    public static string Multiget(IEnumerable<string> hrefs) =>
        Render(new XElement(AddressBookMultiget,
            new XElement(Prop, new XElement(GetETag), new XElement(AddressData)),
            hrefs.Select(h => new XElement(Href, h))));

    private static string Render(XElement root)
    {
        if (root.Attribute(XNamespace.Xmlns + "D") is null) root.Add(new XAttribute(XNamespace.Xmlns + "D", Dav.NamespaceName));
        if (root.Descendants().Any(e => e.Name.Namespace == DavNames.CardDav)) root.Add(new XAttribute(XNamespace.Xmlns + "C", DavNames.CardDav.NamespaceName));
        if (root.Descendants().Any(e => e.Name.Namespace == CalendarServer)) root.Add(new XAttribute(XNamespace.Xmlns + "CS", CalendarServer.NamespaceName));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root.ToString(SaveOptions.DisableFormatting);
    }
}
