using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using static Eas.Mail.Pim.Dav.DavNames;

namespace Eas.Mail.Pim.Dav;

/// <summary>
/// The WebDAV work CardDAV and CalDAV share, on one account's home: collection tokens, sync-collection deltas
/// (RFC 6578) with a PROPFIND fallback, multiget reads, conditional PUT and DELETE, MOVE, PROPPATCH of the display
/// name and DELETE of a collection. The adapters add what is their own (which collections they list, how they
/// create one). Ids are described on <see cref="DavPaths"/>; an item's version is its ETag (RFC 9110 8.8.3).
/// </summary>
internal sealed partial class DavStore
{
    private readonly DavClient _dav;
    private readonly DavLimits _limits;
    private readonly string _user;
    private readonly ILogger _logger;

    public DavStore(HttpClient http, Uri home, string user, string password, DavFlavor flavor, DavLimits limits, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        Flavor = flavor;
        _limits = limits;
        Paths = new DavPaths(home, flavor.Suffix);
        _dav = new DavClient(http, user, password, limits.RequestTimeout);
        _user = user;
        _logger = logger;
    }

    public DavFlavor Flavor { get; }

    public DavPaths Paths { get; }

    /// <summary>PROPPATCH of <c>displayname</c> (RFC 4918 9.2).</summary>
    public async Task RenameCollectionAsync(string collectionId, string displayName, CancellationToken cancellationToken)
    {
        var uri = Paths.Collection(collectionId);
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
        var reply = await SendAsync(HttpMethod.Delete, Paths.Collection(collectionId), null, null, cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccess && reply.Status != HttpStatusCode.NotFound)
            throw new PimItemRejectedException(collectionId, $"the server did not delete it ({(int)reply.Status}).");
    }

    /// <summary>
    /// Creates a collection with an extended MKCOL (RFC 5689) or MKCALENDAR (RFC 4791 5.3.1) body; a refusal is
    /// that collection's failure.
    /// </summary>
    public async Task MakeCollectionAsync(string method, string collectionId, string body, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(new HttpMethod(method), Paths.Collection(collectionId), body, null, cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccess)
            throw new PimItemRejectedException(collectionId, $"the server did not create the collection ({method} {(int)reply.Status}).");
    }

    /// <summary>
    /// PROPFIND Depth 0 of the collection's <c>sync-token</c> (RFC 6578 4), else its CTag; a server with neither gets a
    /// digest of its members' ETags (PROPFIND Depth 1), which changes whenever one of them does.
    /// </summary>
    public async Task<string> GetTokenAsync(string collectionId, CancellationToken cancellationToken)
    {
        var uri = Paths.Collection(collectionId);
        var own = (await PropFindAsync(uri, "0", cancellationToken, SyncToken, GetCTag).ConfigureAwait(false)).Responses is [var first, ..] ? first : null;
        var token = Nonempty(own?.Text(SyncToken)) ?? Nonempty(own?.Text(GetCTag));
        if (token is not null) return token;
        var listing = await ListByPropFindAsync(collectionId, cancellationToken).ConfigureAwait(false);
        return listing.Token;
    }

    /// <summary>PROPFIND of named properties; a 404 is the resource's absence, any other non-207 the server's failure.</summary>
    public async Task<DavMultiStatus> PropFindAsync(Uri uri, string depth, CancellationToken cancellationToken, params XName[] properties)
    {
        var reply = await SendAsync(new HttpMethod("PROPFIND"), uri, DavRequests.PropFind(properties), null, cancellationToken, ("Depth", depth)).ConfigureAwait(false);
        if (reply.Status != HttpStatusCode.MultiStatus)
            throw reply.Status == HttpStatusCode.NotFound
                ? new PimItemRejectedException(uri.AbsolutePath, "the collection does not exist.")
                : new PimStoreUnavailableException($"PROPFIND {uri} answered {(int)reply.Status}.");
        return DavMultiStatus.Parse(reply.Body, uri);
    }

    /// <summary>A request whose answer is read up to <see cref="DavLimits.MaxResponseBytes"/>; a larger one is the server's failure.</summary>
    public async Task<DavReply> SendAsync(
        HttpMethod method, Uri uri, string? body, string? contentType, CancellationToken cancellationToken, params (string Name, string Value)[] headers)
    {
        try
        {
            return await _dav.SendAsync(method, uri, body, contentType, _limits.MaxResponseBytes, cancellationToken, headers).ConfigureAwait(false);
        }
        catch (DavResponseTooLargeException e)
        {
            throw new PimStoreUnavailableException(e.Message, e);
        }
    }

    /// <summary>Runs a path check; a refused href is logged and skipped.</summary>
    public bool Refusing<T>(Func<T> resolve, string href, out T result)
    {
        try
        {
            result = resolve();
            return false;
        }
        catch (DavHrefRefusedException)
        {
            DavLog.HrefRefused(_logger, Flavor.Protocol, _user, href);
            result = default!;
            return true;
        }
    }

    public static string? Nonempty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Digest(IEnumerable<PimItemVersion> items) =>
        "etags:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', items.OrderBy(i => i.ItemId, StringComparer.Ordinal).Select(i => $"{i.ItemId} {i.Version}")))));
}
