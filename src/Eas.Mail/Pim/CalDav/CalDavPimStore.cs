using Eas.Mail.Pim.Dav;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static Eas.Mail.Pim.Dav.DavNames;

namespace Eas.Mail.Pim.CalDav;

/// <summary>
/// <see cref="IPimStore"/> over CalDAV (RFC 4791) with WebDAV sync (RFC 6578): the calendar collections of one
/// account's calendar home, found from a start URL (<see cref="CalDavDiscovery"/>), signed in with the account's own
/// credentials (Basic, RFC 7617). Calendars hold VEVENT, task lists VTODO, notes VJOURNAL; contacts are not here
/// (<see cref="CardDav.CardDavPimStore"/>). A collection that may hold several of these is listed once for each
/// kind, as a view that sees only its own component (<see cref="CalDavCollectionId"/>). The WebDAV work is shared
/// with CardDAV (<see cref="DavStore"/>): an item's id is its resource name without <c>.ics</c>, its version its ETag.
/// The home is discovered once per store instance.
/// </summary>
public sealed partial class CalDavPimStore : IPimStore
{
    private readonly HttpClient _http;
    private readonly Uri _start;
    private readonly string _user;
    private readonly string _password;
    private readonly CalDavOptions _options;
    private readonly DavLimits _limits;
    private readonly ILogger _logger;
    private DavStore? _home;

    /// <param name="http">The shared client; the caller owns it.</param>
    /// <param name="start">
    /// Where discovery starts: the server's root or context path (<c>https://dav.example/</c>), the account's
    /// principal, or its calendar home.
    /// </param>
    /// <param name="user">The login, as the phone signed in with it.</param>
    /// <param name="password">The password, as the phone signed in with it.</param>
    /// <param name="options">Size caps, timeout and default collection names; defaults when null.</param>
    /// <param name="logger">Where discovery, refused hrefs and fallbacks are logged.</param>
    public CalDavPimStore(HttpClient http, Uri start, string user, string password, CalDavOptions? options = null, ILogger<CalDavPimStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(start);
        if (!start.IsAbsoluteUri || start.Scheme is not ("http" or "https"))
            throw new ArgumentException("The CalDAV start URL must be an absolute http or https URL.", nameof(start));
        _http = http;
        _start = start;
        _user = user;
        _password = password;
        _options = options ?? new CalDavOptions();
        _limits = new DavLimits(_options.MaxResponseBytes, _options.MaxObjectBytes, _options.MultigetBatchSize, _options.RequestTimeout);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public string Kind => "caldav";

    /// <summary>
    /// The calendar collections of the home holding <paramref name="kind"/>'s component (PROPFIND Depth 1 for
    /// resourcetype, displayname and supported-calendar-component-set, RFC 4791 5.2.3); when there is none, the
    /// default one is created by MKCALENDAR with that one component (5.3.1), under a fresh name when a collection of
    /// another kind already has the default one. A server that will not create it leaves the store unavailable (a
    /// retriable status) rather than the phone without the folder. Contacts: none.
    /// </summary>
    public async Task<IReadOnlyList<PimCollection>> ListCollectionsAsync(PimKind kind, CancellationToken cancellationToken)
    {
        if (kind == PimKind.Contacts) return [];
        var dav = await HomeAsync(cancellationToken).ConfigureAwait(false);
        var component = CalDavComponents.Of(kind);
        var all = await ListCalendarsAsync(dav, cancellationToken).ConfigureAwait(false);
        var mine = all.Where(c => c.Kind == kind).ToList();
        var defaultName = DefaultName(kind);
        if (mine.Count == 0)
        {
            var name = all.Any(c => CalDavCollectionId.Parse(c.Id).Segment == defaultName) ? $"{defaultName}-{Guid.NewGuid():N}" : defaultName;
            try
            {
                await dav.MakeCollectionAsync("MKCALENDAR", name, DavRequests.MkCalendar(DefaultDisplayName(kind), component), cancellationToken).ConfigureAwait(false);
            }
            catch (PimItemRejectedException e)
            {
                throw new PimStoreUnavailableException($"The CalDAV server did not create the default {component} collection '{name}': {e.Message}", e);
            }

            mine = (await ListCalendarsAsync(dav, cancellationToken).ConfigureAwait(false)).Where(c => c.Kind == kind).ToList();
            if (mine.Count == 0)
                throw new PimStoreUnavailableException($"The CalDAV server created the calendar collection '{name}' but does not list it for {component}.");
        }

        var ordered = mine.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var defaultId = ordered.FirstOrDefault(c => string.Equals(CalDavCollectionId.Parse(c.Id).Segment, defaultName, StringComparison.OrdinalIgnoreCase))?.Id
            ?? ordered[0].Id;
        return [.. ordered.Select(c => c with { IsDefault = c.Id == defaultId })];
    }

    /// <summary>
    /// MKCALENDAR (RFC 4791 5.3.1) of a new collection at the top of the home, named by a new GUID segment, holding
    /// only <paramref name="kind"/>'s component. Calendar collections do not nest (4.2), so <paramref name="parentId"/>
    /// is not used.
    /// </summary>
    public async Task<PimCollection> CreateCollectionAsync(PimKind kind, string displayName, string? parentId, CancellationToken cancellationToken)
    {
        var component = CalDavComponents.Of(kind);
        var dav = await HomeAsync(cancellationToken).ConfigureAwait(false);
        var id = Guid.NewGuid().ToString("N");
        await dav.MakeCollectionAsync("MKCALENDAR", id, DavRequests.MkCalendar(displayName, component), cancellationToken).ConfigureAwait(false);
        return new PimCollection(id, kind, displayName, null, false);
    }

    /// <summary>PROPPATCH of the collection's displayname (RFC 4918 9.2); a view renames the collection it shows, so its other views too.</summary>
    public async Task RenameCollectionAsync(string collectionId, string displayName, CancellationToken cancellationToken)
    {
        var dav = await HomeAsync(cancellationToken).ConfigureAwait(false);
        await dav.RenameCollectionAsync(Segment(collectionId), displayName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// DELETE of the collection (RFC 4918 9.6). A view of a collection that holds other kinds too is refused
    /// (<see cref="PimItemRejectedException"/>): deleting it would take the other kinds' items with it.
    /// </summary>
    public async Task DeleteCollectionAsync(string collectionId, CancellationToken cancellationToken)
    {
        var id = CalDavCollectionId.Parse(collectionId);
        if (id.IsView)
            throw new PimItemRejectedException(collectionId, "the calendar collection holds other kinds of items too; it is not deleted for one of them.");
        var dav = await HomeAsync(cancellationToken).ConfigureAwait(false);
        await dav.DeleteCollectionAsync(id.Segment, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The collection's sync-token (RFC 6578 4), else its CTag, else a digest of its members' ETags; a view has its collection's.</summary>
    public async Task<string> GetTokenAsync(string collectionId, CancellationToken cancellationToken)
    {
        var dav = await HomeAsync(cancellationToken).ConfigureAwait(false);
        return await dav.GetTokenAsync(Segment(collectionId), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PimObject>> GetAsync(string collectionId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken)
    {
        var dav = await HomeAsync(cancellationToken).ConfigureAwait(false);
        return await dav.GetAsync(Segment(collectionId), itemIds, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// PUT with <c>If-None-Match: *</c> (RFC 4791 5.3.2); a refusal (403 with a CALDAV precondition, 415, 507) is that
    /// item's failure, an existing resource a conflict.
    /// </summary>
    public async Task<PimItemVersion> CreateAsync(string collectionId, string itemId, string content, CancellationToken cancellationToken)
    {
        var dav = await HomeAsync(cancellationToken).ConfigureAwait(false);
        return await dav.CreateAsync(Segment(collectionId), itemId, content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>PUT with <c>If-Match</c> of the expected ETag when one is given (RFC 9110 13.1.1): 412 is a conflict.</summary>
    public async Task<PimItemVersion> UpdateAsync(string collectionId, string itemId, string content, string? expectedVersion, CancellationToken cancellationToken)
    {
        var dav = await HomeAsync(cancellationToken).ConfigureAwait(false);
        return await dav.UpdateAsync(Segment(collectionId), itemId, content, expectedVersion, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string collectionId, string itemId, string? expectedVersion, CancellationToken cancellationToken)
    {
        var dav = await HomeAsync(cancellationToken).ConfigureAwait(false);
        await dav.DeleteAsync(Segment(collectionId), itemId, expectedVersion, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>WebDAV MOVE (RFC 4918 9.9) into the other collection (a view: the collection it shows).</summary>
    public async Task<PimItemVersion> MoveAsync(string collectionId, string itemId, string destinationCollectionId, CancellationToken cancellationToken)
    {
        var dav = await HomeAsync(cancellationToken).ConfigureAwait(false);
        return await dav.MoveAsync(Segment(collectionId), itemId, Segment(destinationCollectionId), cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The store on the discovered calendar home, found at the first call.</summary>
    private async Task<DavStore> HomeAsync(CancellationToken cancellationToken)
    {
        if (_home is { } known) return known;
        var start = new DavStore(_http, _start, _user, _password, DavFlavor.CalDav, _limits, _logger);
        var home = await CalDavDiscovery.FindHomeAsync(start, _user, _logger, cancellationToken).ConfigureAwait(false);
        return _home = new DavStore(_http, home, _user, _password, DavFlavor.CalDav, _limits, _logger);
    }

    /// <summary>Every calendar collection of the home, once for each mapped kind it may hold.</summary>
    private static async Task<List<PimCollection>> ListCalendarsAsync(DavStore dav, CancellationToken cancellationToken)
    {
        var status = await dav.PropFindAsync(dav.Paths.Home, "1", cancellationToken, ResourceType, DisplayName, SupportedCalendarComponentSet).ConfigureAwait(false);
        var collections = new List<PimCollection>();
        foreach (var response in status.Responses)
        {
            if (response.Found.Element(ResourceType)?.Element(Calendar) is null) continue;
            if (dav.Refusing(() => dav.Paths.CollectionIdOf(response.Href, dav.Paths.Home), response.Href, out var segment) || segment is null) continue;
            var components = CalDavComponents.Supported(response.Found.Element(SupportedCalendarComponentSet));
            var name = DavStore.Nonempty(response.Text(DisplayName)) ?? segment;
            foreach (var component in components)
            {
                var id = new CalDavCollectionId(segment, components.Count == 1 ? null : component);
                collections.Add(new PimCollection(id.ToString(), CalDavComponents.KindOf(component), name, null, false));
            }
        }

        return collections;
    }

    private static string Segment(string collectionId) => CalDavCollectionId.Parse(collectionId).Segment;

    private string DefaultName(PimKind kind) => kind switch
    {
        PimKind.Tasks => _options.DefaultTasksName,
        PimKind.Notes => _options.DefaultNotesName,
        _ => _options.DefaultCalendarName,
    };

    private static string DefaultDisplayName(PimKind kind) => kind switch
    {
        PimKind.Tasks => "Tasks",
        PimKind.Notes => "Notes",
        _ => "Calendar",
    };
}
