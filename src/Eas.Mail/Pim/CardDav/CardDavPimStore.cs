using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static Eas.Mail.Pim.CardDav.DavNames;

namespace Eas.Mail.Pim.CardDav;

/// <summary>
/// <see cref="IPimStore"/> over CardDAV (RFC 6352) with WebDAV sync (RFC 6578), on <see cref="HttpClient"/> and
/// System.Xml: the address books of one account's home (<c>http://dav.example/{user}/</c>), signed in with the
/// account's own credentials (Basic, RFC 7617). Contacts only: <see cref="PimKind.Calendar"/> and
/// <see cref="PimKind.Tasks"/> list no collections (CalDAV is not supported yet). Ids are described on
/// <see cref="CardDavPaths"/>; an item's version is its ETag (RFC 9110 8.8.3). The store holds no state between
/// calls beyond its configuration, so one may be created per request.
/// </summary>
public sealed partial class CardDavPimStore : IPimStore
{
    private const string VCardType = "text/vcard; charset=utf-8";

    private readonly DavClient _dav;
    private readonly CardDavPaths _paths;
    private readonly CardDavOptions _options;
    private readonly string _user;
    private readonly ILogger _logger;

    /// <param name="http">The shared client; the caller owns it (and its handler's pooling and TLS settings).</param>
    /// <param name="home">The account's address-book home (see <see cref="HomeFromTemplate"/>).</param>
    /// <param name="user">The login, as the phone signed in with it.</param>
    /// <param name="password">The password, as the phone signed in with it.</param>
    /// <param name="options">Size caps, timeout and the default address book; defaults when null.</param>
    /// <param name="logger">Where refused hrefs and fallbacks are logged.</param>
    public CardDavPimStore(HttpClient http, Uri home, string user, string password, CardDavOptions? options = null, ILogger<CardDavPimStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _options = options ?? new CardDavOptions();
        _paths = new CardDavPaths(home);
        _dav = new DavClient(http, user, password, _options.RequestTimeout);
        _user = user;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public string Kind => "carddav";

    /// <summary>The home URL of a user from a template such as <c>http://127.0.0.1:5232/{user}/</c> (<c>{user}</c> URL-escaped).</summary>
    public static Uri HomeFromTemplate(string template, string user) => CardDavPaths.ExpandTemplate(template, user);

    /// <summary>
    /// The address books in the home (PROPFIND Depth 1 for resourcetype and displayname, RFC 6352 6.2.1); when there
    /// is none, the default one is created (extended MKCOL, RFC 5689). Tokens are not asked here: a server may have to
    /// read every member of every collection to compute them (Radicale does), so they are asked per collection by
    /// <see cref="GetTokenAsync"/>. Calendars and task lists: none (CalDAV is not supported yet).
    /// </summary>
    public async Task<IReadOnlyList<PimCollection>> ListCollectionsAsync(PimKind kind, CancellationToken cancellationToken)
    {
        if (kind != PimKind.Contacts) return [];
        var books = await ListAddressBooksAsync(cancellationToken).ConfigureAwait(false);
        if (books.Count == 0)
        {
            await MakeAddressBookAsync(_options.DefaultCollectionName, _options.DefaultDisplayName, cancellationToken).ConfigureAwait(false);
            books = await ListAddressBooksAsync(cancellationToken).ConfigureAwait(false);
            if (books.Count == 0)
                throw new PimStoreUnavailableException($"The CardDAV server created the address book '{_options.DefaultCollectionName}' but does not list it.");
        }

        var ordered = books.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        var defaultId = ordered.FirstOrDefault(b => string.Equals(b.Id, _options.DefaultCollectionName, StringComparison.OrdinalIgnoreCase))?.Id ?? ordered[0].Id;
        return [.. ordered.Select(b => new PimCollection(b.Id, PimKind.Contacts, b.DisplayName, null, b.Id == defaultId))];
    }

    /// <summary>
    /// Creates an address book at the top of the home, named by a new GUID segment: address books do not nest
    /// (RFC 6352 5.2), so <paramref name="parentId"/> is not used and the collection's parent is the top.
    /// </summary>
    public async Task<PimCollection> CreateCollectionAsync(PimKind kind, string displayName, string? parentId, CancellationToken cancellationToken)
    {
        if (kind != PimKind.Contacts) throw new NotSupportedException("The CardDAV store holds contacts only; calendars and tasks are not supported yet.");
        var id = Guid.NewGuid().ToString("N");
        await MakeAddressBookAsync(id, displayName, cancellationToken).ConfigureAwait(false);
        return new PimCollection(id, PimKind.Contacts, displayName, null, false);
    }

    /// <summary>PROPPATCH of <c>displayname</c> (RFC 4918 9.2).</summary>
    public async Task RenameCollectionAsync(string collectionId, string displayName, CancellationToken cancellationToken)
    {
        var uri = _paths.Collection(collectionId);
        var reply = await SendAsync(new HttpMethod("PROPPATCH"), uri, DavRequests.SetDisplayName(displayName), null, cancellationToken).ConfigureAwait(false);
        if (reply.Status == HttpStatusCode.MultiStatus)
        {
            var responses = DavMultiStatus.Parse(reply.Body, uri).Responses;
            if (responses is [var response, ..] && response.Found.Element(DisplayName) is not null) return;
        }
        else if (reply.IsSuccess) return;

        throw new PimItemRejectedException(collectionId, $"the server did not rename it ({(int)reply.Status}).");
    }

    /// <summary>DELETE of the collection (RFC 4918 9.6); one already gone is not an error.</summary>
    public async Task DeleteCollectionAsync(string collectionId, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(HttpMethod.Delete, _paths.Collection(collectionId), null, null, cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccess && reply.Status != HttpStatusCode.NotFound)
            throw new PimItemRejectedException(collectionId, $"the server did not delete it ({(int)reply.Status}).");
    }

    /// <summary>
    /// PROPFIND Depth 0 of the collection's <c>sync-token</c> (RFC 6578 4), else its CTag; a server with neither gets a
    /// digest of its members' ETags (PROPFIND Depth 1), which changes whenever one of them does.
    /// </summary>
    public async Task<string> GetTokenAsync(string collectionId, CancellationToken cancellationToken)
    {
        var uri = _paths.Collection(collectionId);
        var own = (await PropFindAsync(uri, "0", cancellationToken, SyncToken, GetCTag).ConfigureAwait(false)) .Responses is [var first, ..] ? first : null;
        var token = Nonempty(own?.Text(SyncToken)) ?? Nonempty(own?.Text(GetCTag));
        if (token is not null) return token;
        var listing = await ListByPropFindAsync(collectionId, cancellationToken).ConfigureAwait(false);
        return listing.Token;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed record AddressBook(string Id, string DisplayName);

    private async Task<List<AddressBook>> ListAddressBooksAsync(CancellationToken cancellationToken)
    {
        var status = await PropFindAsync(_paths.Home, "1", cancellationToken, ResourceType, DisplayName).ConfigureAwait(false);
        var books = new List<AddressBook>();
        foreach (var response in status.Responses)
        {
            if (response.Found.Element(ResourceType)?.Element(DavNames.AddressBook) is null) continue;
            if (Refusing(() => _paths.CollectionIdOf(response.Href, _paths.Home), response.Href, out var id) || id is null) continue;
            books.Add(new AddressBook(id, Nonempty(response.Text(DisplayName)) ?? id));
        }

        return books;
    }

    private async Task MakeAddressBookAsync(string id, string displayName, CancellationToken cancellationToken)
    {
        var uri = _paths.Collection(id);
        var reply = await SendAsync(new HttpMethod("MKCOL"), uri, DavRequests.MkAddressBook(displayName), null, cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccess)
            throw new PimItemRejectedException(id, $"the server did not create the address book ({(int)reply.Status}).");
    }

    private async Task<DavMultiStatus> PropFindAsync(Uri uri, string depth, CancellationToken cancellationToken, params System.Xml.Linq.XName[] properties)
    {
        var reply = await SendAsync(new HttpMethod("PROPFIND"), uri, DavRequests.PropFind(properties), null, cancellationToken, ("Depth", depth)).ConfigureAwait(false);
        if (reply.Status != HttpStatusCode.MultiStatus)
            throw reply.Status == HttpStatusCode.NotFound
                ? new PimItemRejectedException(uri.AbsolutePath, "the collection does not exist.")
                : new PimStoreUnavailableException($"PROPFIND {uri} answered {(int)reply.Status}.");
        return DavMultiStatus.Parse(reply.Body, uri);
    }

    /// <summary>A request whose answer is read up to <see cref="CardDavOptions.MaxResponseBytes"/>; a larger one is the server's failure.</summary>
    private async Task<DavReply> SendAsync(
        HttpMethod method, Uri uri, string? body, string? contentType, CancellationToken cancellationToken, params (string Name, string Value)[] headers)
    {
        try
        {
            return await _dav.SendAsync(method, uri, body, contentType, _options.MaxResponseBytes, cancellationToken, headers).ConfigureAwait(false);
        }
        catch (DavResponseTooLargeException e)
        {
            throw new PimStoreUnavailableException(e.Message, e);
        }
    }

    /// <summary>Runs a path check; a refused href is logged and skipped.</summary>
    private bool Refusing<T>(Func<T> resolve, string href, out T result)
    {
        try
        {
            result = resolve();
            return false;
        }
        catch (DavHrefRefusedException)
        {
            CardDavLog.HrefRefused(_logger, _user, href);
            result = default!;
            return true;
        }
    }

    private static string? Nonempty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Digest(IEnumerable<PimItemVersion> items) =>
        "etags:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', items.OrderBy(i => i.ItemId, StringComparer.Ordinal).Select(i => $"{i.ItemId} {i.Version}")))));
}
