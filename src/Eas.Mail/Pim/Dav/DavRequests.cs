using System.Xml.Linq;
using static Eas.Mail.Pim.Dav.DavNames;

namespace Eas.Mail.Pim.Dav;

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

    /// <summary>
    /// A multiget REPORT of the given hrefs (absolute paths) with ETag and content: <c>addressbook-multiget</c> with
    /// <c>address-data</c> (RFC 6352 8.7) or <c>calendar-multiget</c> with <c>calendar-data</c> (RFC 4791 7.9).
    /// </summary>
    public static string Multiget(XName report, XName data, IEnumerable<string> hrefs) =>
        Render(new XElement(report,
            new XElement(Prop, new XElement(GetETag), new XElement(data)),
            hrefs.Select(h => new XElement(Href, h))));

    /// <summary>
    /// MKCALENDAR (RFC 4791 5.3.1) with its display name and the one component type it may hold
    /// (<c>supported-calendar-component-set</c>, 5.2.3).
    /// </summary>
    public static string MkCalendar(string displayName, string component) =>
        Render(new XElement(DavNames.MkCalendar, new XElement(Set, new XElement(Prop,
            new XElement(DisplayName, displayName),
            new XElement(SupportedCalendarComponentSet, new XElement(Comp, new XAttribute("name", component)))))));

    /// <summary>
    /// The calendar-query REPORT (RFC 4791 7.8) of the members whose VCALENDAR holds a <paramref name="component"/>
    /// (a <c>comp-filter</c>, 9.7.1), asking only for their ETags.
    /// </summary>
    public static string CalendarQuery(string component) =>
        Render(new XElement(DavNames.CalendarQuery,
            new XElement(Prop, new XElement(GetETag)),
            new XElement(Filter, new XElement(CompFilter, new XAttribute("name", "VCALENDAR"),
                new XElement(CompFilter, new XAttribute("name", component))))));

    private static string Render(XElement root)
    {
        if (root.Attribute(XNamespace.Xmlns + "D") is null) root.Add(new XAttribute(XNamespace.Xmlns + "D", DavNames.Dav.NamespaceName));
        if (root.DescendantsAndSelf().Any(e => e.Name.Namespace == DavNames.CardDav)) root.Add(new XAttribute(XNamespace.Xmlns + "C", DavNames.CardDav.NamespaceName));
        if (root.DescendantsAndSelf().Any(e => e.Name.Namespace == DavNames.CalDav)) root.Add(new XAttribute(XNamespace.Xmlns + "CAL", DavNames.CalDav.NamespaceName));
        if (root.Descendants().Any(e => e.Name.Namespace == CalendarServer)) root.Add(new XAttribute(XNamespace.Xmlns + "CS", CalendarServer.NamespaceName));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root.ToString(SaveOptions.DisableFormatting);
    }
}
