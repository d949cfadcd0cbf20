using System.Xml.Linq;

namespace Eas.Mail.Pim.Dav;

/// <summary>
/// What differs between the DAV adapters once a collection is known: the protocol's name (for messages and logs),
/// the suffix and media type of the resources it creates, its multiget REPORT and the property that carries an
/// object's content.
/// </summary>
internal sealed record DavFlavor(string Protocol, string Suffix, string ContentType, XName MultigetReport, XName DataProperty, string ObjectNoun)
{
    /// <summary>vCards in address books (RFC 6352 5.1, 8.7).</summary>
    public static readonly DavFlavor CardDav = new("CardDAV", ".vcf", "text/vcard; charset=utf-8", DavNames.AddressBookMultiget, DavNames.AddressData, "vCard");

    /// <summary>iCalendar objects in calendar collections (RFC 4791 4.1, 7.9).</summary>
    public static readonly DavFlavor CalDav = new("CalDAV", ".ics", "text/calendar; charset=utf-8", DavNames.CalendarMultiget, DavNames.CalendarData, "iCalendar object");
}

/// <summary>Limits and timeout of a <see cref="DavStore"/>.</summary>
internal sealed record DavLimits(int MaxResponseBytes, int MaxObjectBytes, int MultigetBatchSize, TimeSpan RequestTimeout);
