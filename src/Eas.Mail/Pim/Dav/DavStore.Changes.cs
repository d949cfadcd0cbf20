using System.Net;
using static Eas.Mail.Pim.Dav.DavNames;

namespace Eas.Mail.Pim.Dav;

internal sealed partial class DavStore
{
    /// <summary>How many truncated pages (RFC 6578 3.6) one call follows before it counts the server as broken.</summary>
    private const int MaxPages = 10_000;

    private const string ReportMethod = "REPORT";

    /// <summary>
    /// The sync-collection REPORT at sync-level 1 from <paramref name="sinceToken"/> (RFC 6578 3.2): members with a
    /// 404 status are removed (3.5.2), the others changed. A token the server no longer accepts (403/409 with the
    /// <c>valid-sync-token</c> precondition, 3.2), or none, gives the initial full listing (3.4); a server without the
    /// report gets a PROPFIND Depth 1 of the members' ETags instead. Truncated answers (a 507 on the collection itself,
    /// <c>number-of-matches-within-limits</c>, 3.6) are followed from the token they end with.
    /// </summary>
    public async Task<PimChangeSet> GetChangesAsync(string collectionId, string? sinceToken, CancellationToken cancellationToken)
    {
        if (sinceToken is not null && !sinceToken.StartsWith("etags:", StringComparison.Ordinal))
        {
            var (delta, supported) = await SyncCollectionAsync(collectionId, sinceToken, cancellationToken).ConfigureAwait(false);
            if (delta is not null) return delta;
            if (!supported) return await ListByPropFindAsync(collectionId, cancellationToken).ConfigureAwait(false);
        }

        var (full, _) = await SyncCollectionAsync(collectionId, null, cancellationToken).ConfigureAwait(false);
        return full ?? await ListByPropFindAsync(collectionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A change set, or null with <c>Supported</c> true when the token was refused, false when the report is not served.</summary>
    private async Task<(PimChangeSet? Changes, bool Supported)> SyncCollectionAsync(string collectionId, string? token, CancellationToken cancellationToken)
    {
        var uri = Paths.Collection(collectionId);
        var changed = new Dictionary<string, PimItemVersion>(StringComparer.Ordinal);
        var removed = new HashSet<string>(StringComparer.Ordinal);
        var from = token;
        for (var page = 0; page < MaxPages; page++)
        {
            var reply = await SendAsync(new HttpMethod(ReportMethod), uri, DavRequests.SyncCollection(from), null, cancellationToken, ("Depth", "0")).ConfigureAwait(false);
            if (reply.Status != HttpStatusCode.MultiStatus)
            {
                if (reply.Status == HttpStatusCode.NotFound) throw new PimItemRejectedException(collectionId, "the collection does not exist.");
                if (reply.HasPrecondition(ValidSyncToken) && from is not null)
                {
                    DavLog.TokenInvalid(_logger, Flavor.Protocol, _user, collectionId);
                    return (null, true);
                }

                DavLog.NoSyncCollection(_logger, Flavor.Protocol, _user, collectionId, (int)reply.Status);
                return (null, false);
            }

            var status = DavMultiStatus.Parse(reply.Body, uri);
            var truncated = false;
            foreach (var response in status.Responses)
            {
                if (Refusing(() => Paths.ItemIdOf(response.Href, collectionId, uri), response.Href, out var id)) continue;
                if (id is null)
                {
                    truncated |= response.Status == HttpStatusCode.InsufficientStorage || response.Error?.Element(NumberOfMatchesWithinLimits) is not null;
                    continue;
                }

                if (response.Status == HttpStatusCode.NotFound)
                {
                    changed.Remove(id);
                    removed.Add(id);
                }
                else
                {
                    removed.Remove(id);
                    changed[id] = new PimItemVersion(id, response.Text(GetETag) ?? "");
                }
            }

            var next = Nonempty(status.SyncToken)
                ?? throw new PimStoreUnavailableException($"The DAV server's sync-collection report of {collectionId} carries no sync-token.");
            if (!truncated || next == from)
                return (new PimChangeSet(next, token is null, [.. changed.Values], token is null ? [] : [.. removed]), true);
            from = next;
        }

        throw new PimStoreUnavailableException($"The DAV server's sync-collection report of {collectionId} did not end after {MaxPages} pages.");
    }

    /// <summary>Every member with its ETag by PROPFIND Depth 1 (RFC 4918 9.1), for servers without sync-collection.</summary>
    public async Task<PimChangeSet> ListByPropFindAsync(string collectionId, CancellationToken cancellationToken)
    {
        var uri = Paths.Collection(collectionId);
        var status = await PropFindAsync(uri, "1", cancellationToken, ResourceType, GetETag, SyncToken, GetCTag).ConfigureAwait(false);
        var items = new List<PimItemVersion>();
        string? token = null;
        foreach (var response in status.Responses)
        {
            if (Refusing(() => Paths.ItemIdOf(response.Href, collectionId, uri), response.Href, out var id)) continue;
            if (id is null) token = Nonempty(response.Text(SyncToken)) ?? Nonempty(response.Text(GetCTag));
            else if (response.Found.Element(ResourceType)?.Element(Collection) is null) items.Add(new PimItemVersion(id, response.Text(GetETag) ?? ""));
        }

        return new PimChangeSet(token ?? Digest(items), true, items, []);
    }
}
