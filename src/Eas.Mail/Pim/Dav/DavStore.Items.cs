using System.Net;
using System.Text;
using static Eas.Mail.Pim.Dav.DavNames;

namespace Eas.Mail.Pim.Dav;

internal sealed partial class DavStore
{
    /// <summary>Room for the multistatus around one object when a multiget batch has shrunk to a single item.</summary>
    private const int MultigetEnvelopeBytes = 64 * 1024;

    /// <summary>
    /// Multiget REPORTs (addressbook-multiget, RFC 6352 8.7; calendar-multiget, RFC 4791 7.9) in batches of <see cref="DavLimits.MultigetBatchSize"/>, with
    /// ETag and content. A batch whose answer exceeds <see cref="DavLimits.MaxResponseBytes"/> is asked again in
    /// halves; a single object larger than <see cref="DavLimits.MaxObjectBytes"/> is that item's failure
    /// (<see cref="PimItemRejectedException"/>). Members the server reports missing are left out.
    /// </summary>
    public async Task<IReadOnlyList<PimObject>> GetAsync(string collectionId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken)
    {
        var found = new List<PimObject>(itemIds.Count);
        foreach (var batch in itemIds.Distinct(StringComparer.Ordinal).Chunk(Math.Max(1, _limits.MultigetBatchSize)))
            await MultigetAsync(collectionId, batch, found, cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <summary>
    /// PUT of <c>&lt;id&gt;</c> plus the suffix with <c>If-None-Match: *</c> (RFC 6352 6.3.2, RFC 4791 5.3.2): an existing
    /// resource is a conflict.
    /// </summary>
    public Task<PimItemVersion> CreateAsync(string collectionId, string itemId, string content, CancellationToken cancellationToken) =>
        PutAsync(collectionId, itemId, content, ("If-None-Match", "*"), cancellationToken);

    /// <summary>PUT with <c>If-Match</c> of the expected ETag when one is given (RFC 9110 13.1.1).</summary>
    public Task<PimItemVersion> UpdateAsync(string collectionId, string itemId, string content, string? expectedVersion, CancellationToken cancellationToken) =>
        PutAsync(collectionId, itemId, content, expectedVersion is null ? null : ("If-Match", expectedVersion), cancellationToken);

    /// <summary>DELETE, with <c>If-Match</c> when a version is given; a resource already gone (404) is not an error.</summary>
    public async Task DeleteAsync(string collectionId, string itemId, string? expectedVersion, CancellationToken cancellationToken)
    {
        var headers = expectedVersion is null ? [] : new[] { ("If-Match", expectedVersion) };
        var reply = await SendAsync(HttpMethod.Delete, Paths.Item(collectionId, itemId), null, null, cancellationToken, headers).ConfigureAwait(false);
        if (reply.IsSuccess || reply.Status == HttpStatusCode.NotFound) return;
        ThrowForItem(itemId, reply);
    }

    /// <summary>
    /// WebDAV MOVE (RFC 4918 9.9) with an absolute Destination and <c>Overwrite: F</c>, the version read back from the
    /// destination; a server that will not move between collections gets GET, PUT (If-None-Match) and DELETE.
    /// </summary>
    public async Task<PimItemVersion> MoveAsync(string collectionId, string itemId, string destinationCollectionId, CancellationToken cancellationToken)
    {
        var source = Paths.Item(collectionId, itemId);
        var destination = Paths.Item(destinationCollectionId, itemId);
        var reply = await SendAsync(new HttpMethod("MOVE"), source, null, null, cancellationToken,
            ("Destination", destination.AbsoluteUri), ("Overwrite", "F")).ConfigureAwait(false);
        if (reply.IsSuccess)
            return new PimItemVersion(itemId, reply.ETag ?? await ReadETagAsync(destination, itemId, cancellationToken).ConfigureAwait(false));
        if (reply.Status is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound) throw new PimConflictException(itemId);
        if (reply.Status is not (HttpStatusCode.Forbidden or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented))
            ThrowForItem(itemId, reply);

        DavLog.MoveByCopy(_logger, Flavor.Protocol, _user, itemId, (int)reply.Status);
        var items = await GetAsync(collectionId, [itemId], cancellationToken).ConfigureAwait(false);
        if (items is not [var item, ..]) throw new PimConflictException(itemId);
        var moved = await CreateAsync(destinationCollectionId, itemId, item.Content, cancellationToken).ConfigureAwait(false);
        await DeleteAsync(collectionId, itemId, item.Version, cancellationToken).ConfigureAwait(false);
        return moved;
    }

    private async Task MultigetAsync(string collectionId, string[] batch, List<PimObject> found, CancellationToken cancellationToken)
    {
        var uri = Paths.Collection(collectionId);
        var cap = batch.Length == 1 ? Math.Max(_limits.MaxResponseBytes, (long)_limits.MaxObjectBytes + MultigetEnvelopeBytes) : _limits.MaxResponseBytes;
        DavReply reply;
        try
        {
            var hrefs = batch.Select(id => Paths.Item(collectionId, id).AbsolutePath);
            reply = await _dav.SendAsync(new HttpMethod(ReportMethod), uri, DavRequests.Multiget(Flavor.MultigetReport, Flavor.DataProperty, hrefs), null, cap, cancellationToken, ("Depth", "1")).ConfigureAwait(false);
        }
        catch (DavResponseTooLargeException)
        {
            if (batch.Length == 1) throw new PimItemRejectedException(batch[0], $"its {Flavor.ObjectNoun} exceeds {_limits.MaxObjectBytes} bytes.");
            await MultigetAsync(collectionId, batch[..(batch.Length / 2)], found, cancellationToken).ConfigureAwait(false);
            await MultigetAsync(collectionId, batch[(batch.Length / 2)..], found, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (reply.Status == HttpStatusCode.NotFound) return;
        if (reply.Status != HttpStatusCode.MultiStatus)
            throw new PimStoreUnavailableException($"The DAV server answered the multiget of {collectionId} with {(int)reply.Status}.");
        var wanted = batch.ToHashSet(StringComparer.Ordinal);
        foreach (var response in DavMultiStatus.Parse(reply.Body, uri).Responses)
        {
            if (Refusing(() => Paths.ItemIdOf(response.Href, collectionId, uri), response.Href, out var id) || id is null || !wanted.Remove(id)) continue;
            if (response.Text(Flavor.DataProperty) is not { } content || response.Status == HttpStatusCode.NotFound) continue;
            if (Encoding.UTF8.GetByteCount(content) > _limits.MaxObjectBytes)
                throw new PimItemRejectedException(id, $"its {Flavor.ObjectNoun} exceeds {_limits.MaxObjectBytes} bytes.");
            found.Add(new PimObject(id, response.Text(GetETag) ?? "", content));
        }
    }

    private async Task<PimItemVersion> PutAsync(string collectionId, string itemId, string content, (string, string)? condition, CancellationToken cancellationToken)
    {
        if (Encoding.UTF8.GetByteCount(content) > _limits.MaxObjectBytes)
            throw new PimItemRejectedException(itemId, $"its {Flavor.ObjectNoun} exceeds {_limits.MaxObjectBytes} bytes.");
        var uri = Paths.Item(collectionId, itemId);
        var headers = condition is { } c ? new[] { c } : [];
        var reply = await SendAsync(HttpMethod.Put, uri, content, Flavor.ContentType, cancellationToken, headers).ConfigureAwait(false);
        if (!reply.IsSuccess) ThrowForItem(itemId, reply);
        return new PimItemVersion(itemId, reply.ETag ?? await ReadETagAsync(uri, itemId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The ETag of one resource by PROPFIND Depth 0, for servers that changed the object and so sent none (RFC 6352 6.3.2.3, RFC 4791 5.3.4).</summary>
    private async Task<string> ReadETagAsync(Uri item, string itemId, CancellationToken cancellationToken)
    {
        var status = await PropFindAsync(item, "0", cancellationToken, GetETag).ConfigureAwait(false);
        return Nonempty(status.Responses is [var own, ..] ? own.Text(GetETag) : null)
            ?? throw new PimStoreUnavailableException($"The DAV server stored '{itemId}' but names no ETag for it.");
    }

    /// <summary>412: the version moved on (a conflict); any other refusal is that item's failure.</summary>
    private static void ThrowForItem(string itemId, DavReply reply)
    {
        if (reply.Status == HttpStatusCode.PreconditionFailed) throw new PimConflictException(itemId);
        var detail = DavMultiStatus.Load(reply.Body) is { } error && error.Name == Error
            ? string.Join(", ", error.Elements().Select(e => e.Name.LocalName))
            : reply.Status.ToString();
        throw new PimItemRejectedException(itemId, $"{(int)reply.Status} {detail}.");
    }
}
