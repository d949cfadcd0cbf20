using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Eas.Mail.Pim.Dav;
using static Eas.Mail.Pim.Dav.DavNames;

namespace Eas.Mail.Pim.CardDav;

/// <summary>
/// <see cref="IPimStore"/> over CardDAV (RFC 6352) with WebDAV sync (RFC 6578), on <see cref="HttpClient"/> and
/// System.Xml: the address books of one account's home (<c>http://dav.example/{user}/</c>), signed in with the
/// account's own credentials (Basic, RFC 7617). Contacts only: the other kinds list no collections (calendars, tasks
/// and notes are the CalDAV adapter's, <see cref="CalDav.CalDavPimStore"/>). The WebDAV work is shared with CalDAV
/// (<see cref="DavStore"/>); ids are described on <see cref="DavPaths"/>; an item's version is its ETag (RFC 9110
/// 8.8.3). The store holds no state between calls beyond its configuration, so one may be created per request.
/// </summary>
public sealed class CardDavPimStore : IPimStore
{
    private readonly DavStore _dav;
    private readonly CardDavOptions _options;

    /// <param name="http">The shared client; the caller owns it (and its handler's pooling and TLS settings).</param>
    /// <param name="home">The account's address-book home (see <see cref="HomeFromTemplate"/>).</param>
    /// <param name="user">The login, as the phone signed in with it.</param>
    /// <param name="password">The password, as the phone signed in with it.</param>
    /// <param name="options">Size caps, timeout and the default address book; defaults when null.</param>
    /// <param name="logger">Where refused hrefs and fallbacks are logged.</param>
    public CardDavPimStore(HttpClient http, Uri home, string user, string password, CardDavOptions? options = null, ILogger<CardDavPimStore>? logger = null)
    {
        _options = options ?? new CardDavOptions();
        var limits = new DavLimits(_options.MaxResponseBytes, _options.MaxVCardBytes, _options.MultigetBatchSize, _options.RequestTimeout);
        _dav = new DavStore(http, home, user, password, DavFlavor.CardDav, limits, logger ?? (ILogger)NullLogger.Instance);
    }

    public string Kind => "carddav";

    /// <summary>The home URL of a user from a template such as <c>http://127.0.0.1:5232/{user}/</c> (<c>{user}</c> URL-escaped).</summary>
    public static Uri HomeFromTemplate(string template, string user) => DavPaths.ExpandTemplate(template, user);

    /// <summary>
    /// The address books in the home (PROPFIND Depth 1 for resourcetype and displayname, RFC 6352 6.2.1); when there
    /// is none, the default one is created (extended MKCOL, RFC 5689). Tokens are not asked here: a server may have to
    /// read every member of every collection to compute them (Radicale does), so they are asked per collection by
    /// <see cref="GetTokenAsync"/>. Other kinds: none.
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
        if (kind != PimKind.Contacts) throw new NotSupportedException("The CardDAV store holds contacts only; calendars, tasks and notes are the CalDAV store's.");
        var id = Guid.NewGuid().ToString("N");
        await MakeAddressBookAsync(id, displayName, cancellationToken).ConfigureAwait(false);
        return new PimCollection(id, PimKind.Contacts, displayName, null, false);
    }

    public Task RenameCollectionAsync(string collectionId, string displayName, CancellationToken cancellationToken) =>
        _dav.RenameCollectionAsync(collectionId, displayName, cancellationToken);

    public Task DeleteCollectionAsync(string collectionId, CancellationToken cancellationToken) =>
        _dav.DeleteCollectionAsync(collectionId, cancellationToken);

    public Task<string> GetTokenAsync(string collectionId, CancellationToken cancellationToken) =>
        _dav.GetTokenAsync(collectionId, cancellationToken);

    public Task<PimChangeSet> GetChangesAsync(string collectionId, string? sinceToken, CancellationToken cancellationToken) =>
        _dav.GetChangesAsync(collectionId, sinceToken, cancellationToken);

    public Task<IReadOnlyList<PimObject>> GetAsync(string collectionId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken) =>
        _dav.GetAsync(collectionId, itemIds, cancellationToken);

    public Task<PimItemVersion> CreateAsync(string collectionId, string itemId, string content, CancellationToken cancellationToken) =>
        _dav.CreateAsync(collectionId, itemId, content, cancellationToken);

    public Task<PimItemVersion> UpdateAsync(string collectionId, string itemId, string content, string? expectedVersion, CancellationToken cancellationToken) =>
        _dav.UpdateAsync(collectionId, itemId, content, expectedVersion, cancellationToken);

    public Task DeleteAsync(string collectionId, string itemId, string? expectedVersion, CancellationToken cancellationToken) =>
        _dav.DeleteAsync(collectionId, itemId, expectedVersion, cancellationToken);

    public Task<PimItemVersion> MoveAsync(string collectionId, string itemId, string destinationCollectionId, CancellationToken cancellationToken) =>
        _dav.MoveAsync(collectionId, itemId, destinationCollectionId, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed record AddressBook(string Id, string DisplayName);

    private async Task<List<AddressBook>> ListAddressBooksAsync(CancellationToken cancellationToken)
    {
        var status = await _dav.PropFindAsync(_dav.Paths.Home, "1", cancellationToken, ResourceType, DisplayName).ConfigureAwait(false);
        var books = new List<AddressBook>();
        foreach (var response in status.Responses)
        {
            if (response.Found.Element(ResourceType)?.Element(DavNames.AddressBook) is null) continue;
            if (_dav.Refusing(() => _dav.Paths.CollectionIdOf(response.Href, _dav.Paths.Home), response.Href, out var id) || id is null) continue;
            books.Add(new AddressBook(id, DavStore.Nonempty(response.Text(DisplayName)) ?? id));
        }

        return books;
    }

    private Task MakeAddressBookAsync(string id, string displayName, CancellationToken cancellationToken) =>
        _dav.MakeCollectionAsync("MKCOL", id, DavRequests.MkAddressBook(displayName), cancellationToken);
}
