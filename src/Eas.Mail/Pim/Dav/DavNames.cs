using System.Xml.Linq;

namespace Eas.Mail.Pim.Dav;

/// <summary>
/// The XML names of WebDAV (RFC 4918), WebDAV sync (RFC 6578), the current principal (RFC 5397), CardDAV (RFC 6352),
/// CalDAV (RFC 4791) and the CalendarServer CTag.
/// </summary>
internal static class DavNames
{
    public static readonly XNamespace Dav = "DAV:";
    public static readonly XNamespace CardDav = "urn:ietf:params:xml:ns:carddav";
    public static readonly XNamespace CalDav = "urn:ietf:params:xml:ns:caldav";

    /// <summary>The namespace of <c>getctag</c> (CalendarServer's caldav-ctag-02, which CardDAV servers also serve).</summary>
    public static readonly XNamespace CalendarServer = "http://calendarserver.org/ns/";

    public static readonly XName MultiStatus = Dav + "multistatus";
    public static readonly XName Response = Dav + "response";
    public static readonly XName Href = Dav + "href";
    public static readonly XName Status = Dav + "status";
    public static readonly XName PropStat = Dav + "propstat";
    public static readonly XName Prop = Dav + "prop";
    public static readonly XName Error = Dav + "error";
    public static readonly XName ResourceType = Dav + "resourcetype";
    public static readonly XName Collection = Dav + "collection";
    public static readonly XName DisplayName = Dav + "displayname";
    public static readonly XName GetETag = Dav + "getetag";
    public static readonly XName SyncToken = Dav + "sync-token";
    public static readonly XName SyncLevel = Dav + "sync-level";
    public static readonly XName SyncCollection = Dav + "sync-collection";
    public static readonly XName ValidSyncToken = Dav + "valid-sync-token";
    public static readonly XName NumberOfMatchesWithinLimits = Dav + "number-of-matches-within-limits";
    public static readonly XName PropFind = Dav + "propfind";
    public static readonly XName PropertyUpdate = Dav + "propertyupdate";
    public static readonly XName Set = Dav + "set";
    public static readonly XName MkCol = Dav + "mkcol";
    public static readonly XName CurrentUserPrincipal = Dav + "current-user-principal";

    public static readonly XName AddressBook = CardDav + "addressbook";
    public static readonly XName AddressData = CardDav + "address-data";
    public static readonly XName AddressBookMultiget = CardDav + "addressbook-multiget";

    public static readonly XName Calendar = CalDav + "calendar";
    public static readonly XName CalendarHomeSet = CalDav + "calendar-home-set";
    public static readonly XName SupportedCalendarComponentSet = CalDav + "supported-calendar-component-set";
    public static readonly XName Comp = CalDav + "comp";
    public static readonly XName CalendarData = CalDav + "calendar-data";
    public static readonly XName CalendarMultiget = CalDav + "calendar-multiget";
    public static readonly XName CalendarQuery = CalDav + "calendar-query";
    public static readonly XName MkCalendar = CalDav + "mkcalendar";
    public static readonly XName Filter = CalDav + "filter";
    public static readonly XName CompFilter = CalDav + "comp-filter";

    public static readonly XName GetCTag = CalendarServer + "getctag";
}
