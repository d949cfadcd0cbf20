using System.Net;
using Eas.Mail.Pim.Dav;
using static Eas.Mail.Pim.Dav.DavNames;

namespace Eas.Mail.Pim.CalDav;

public sealed partial class CalDavPimStore
{
    /// <summary>
    /// A collection of one kind: the sync-collection delta from <paramref name="sinceToken"/> (RFC 6578 3.2), with the
    /// full listing and PROPFIND fallbacks of <see cref="DavStore.GetChangesAsync"/>. A view of a collection holding
    /// several kinds cannot tell from a delta which component a changed member holds without reading it, so it lists
    /// its own members by a calendar-query REPORT with a comp-filter (RFC 4791 7.8, 9.7.1), asking ETags only: a full
    /// listing, unless the collection's token has not moved since <paramref name="sinceToken"/> (then nothing changed).
    /// The token is read before the listing, so a change that lands between them is seen again next time, never lost.
    /// </summary>
    public async Task<PimChangeSet> GetChangesAsync(string collectionId, string? sinceToken, CancellationToken cancellationToken)
    {
        var id = CalDavCollectionId.Parse(collectionId);
        var dav = await HomeAsync(cancellationToken).ConfigureAwait(false);
        if (!id.IsView) return await dav.GetChangesAsync(id.Segment, sinceToken, cancellationToken).ConfigureAwait(false);

        var token = await dav.GetTokenAsync(id.Segment, cancellationToken).ConfigureAwait(false);
        if (sinceToken is not null && string.Equals(token, sinceToken, StringComparison.Ordinal))
            return new PimChangeSet(token, false, [], []);
        return new PimChangeSet(token, true, await QueryAsync(dav, id, cancellationToken).ConfigureAwait(false), []);
    }

    /// <summary>The members of the collection holding the view's component, with their ETags.</summary>
    private static async Task<List<PimItemVersion>> QueryAsync(DavStore dav, CalDavCollectionId id, CancellationToken cancellationToken)
    {
        var uri = dav.Paths.Collection(id.Segment);
        var reply = await dav.SendAsync(new HttpMethod("REPORT"), uri, DavRequests.CalendarQuery(id.Component!), null, cancellationToken, ("Depth", "1")).ConfigureAwait(false);
        if (reply.Status == HttpStatusCode.NotFound) throw new PimItemRejectedException(id.ToString(), "the collection does not exist.");
        if (reply.Status != HttpStatusCode.MultiStatus)
            throw new PimStoreUnavailableException($"The CalDAV server answered the calendar-query of {id} with {(int)reply.Status}.");
        var items = new List<PimItemVersion>();
        foreach (var response in DavMultiStatus.Parse(reply.Body, uri).Responses)
        {
            if (dav.Refusing(() => dav.Paths.ItemIdOf(response.Href, id.Segment, uri), response.Href, out var itemId) || itemId is null) continue;
            if (response.Status is null or HttpStatusCode.OK) items.Add(new PimItemVersion(itemId, response.Text(GetETag) ?? ""));
        }

        return items;
    }
}
