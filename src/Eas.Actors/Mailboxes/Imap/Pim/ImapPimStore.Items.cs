using System.Globalization;
using Eas.Mail.Pim;
using MailKit.Net.Imap;

namespace Eas.Actors.Mailboxes.Imap.Pim;

/// <summary>Items: changes, reads and writes of the one-message-per-item folders.</summary>
public sealed partial class ImapPimStore
{
    /// <summary>How many items one read fetches at most (one UID SEARCH and one UID FETCH per batch).</summary>
    private const int ReadBatch = 100;

    public Task<PimChangeSet> GetChangesAsync(string collectionId, string? sinceToken, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (ImapPimToken.TryParse(sinceToken, out var uidValidity, out var modSeq) && modSeq != 0)
            {
                var delta = await _pim.ListPimMessagesAsync(collectionId, modSeq, uidValidity, cancellationToken);
                if (delta.IsDelta && delta.Vanished.Count == 0)
                {
                    var changed = Items(collectionId, delta.Messages).Select(g => Version(g.Key, g.Max(m => m.Uid)));
                    return new PimChangeSet(ImapPimToken.Format(delta.UidValidity, delta.HighestModSeq), IsFullListing: false, [.. changed], []);
                }
            }

            return await FullListingAsync(collectionId, cancellationToken);
        });

    public Task<IReadOnlyList<PimObject>> GetAsync(string collectionId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var result = new List<PimObject>(itemIds.Count);
            var asked = itemIds.ToHashSet(StringComparer.Ordinal);
            var indexed = await _pim.ListIndexedAsync(collectionId, cancellationToken);
            var all = Current(collectionId, [.. indexed.Where(m => m.Subject is { } s && asked.Contains(s))]);
            foreach (var batch in itemIds.Distinct(StringComparer.Ordinal).Chunk(ReadBatch))
            {
                var current = batch.Where(all.ContainsKey).ToDictionary(id => id, id => all[id], StringComparer.Ordinal);
                var messages = await _pim.FetchMessagesAsync(collectionId, [.. current.Values], cancellationToken);
                foreach (var (uid, message) in messages.OrderBy(m => m.Uid))
                {
                    if (ImapPimMessage.ContentOf(message) is { } content && message.Subject is { } id && current.TryGetValue(id, out var wanted) && wanted == uid)
                        result.Add(new PimObject(id, Format(uid), content));
                    else
                        Skip(collectionId, uid, "no vCard or iCalendar part");
                }
            }

            return (IReadOnlyList<PimObject>)result;
        });

    public Task<PimItemVersion> CreateAsync(string collectionId, string itemId, string content, CancellationToken cancellationToken) =>
        GuardAsync(() => AppendAsync(collectionId, itemId, content, cancellationToken));

    public Task<PimItemVersion> UpdateAsync(string collectionId, string itemId, string content, string? expectedVersion, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var copies = await CopiesAsync(collectionId, itemId, cancellationToken);
            CheckVersion(itemId, copies, expectedVersion);
            var version = await AppendAsync(collectionId, itemId, content, cancellationToken);
            if (copies.Count > 0) await _mail.ExpungeAsync(collectionId, copies, cancellationToken);
            return version;
        });

    public Task DeleteAsync(string collectionId, string itemId, string? expectedVersion, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var copies = await CopiesAsync(collectionId, itemId, cancellationToken);
            if (copies.Count == 0) return true;
            CheckVersion(itemId, copies, expectedVersion);
            await _mail.ExpungeAsync(collectionId, copies, cancellationToken);
            return true;
        });

    public Task<PimItemVersion> MoveAsync(string collectionId, string itemId, string destinationCollectionId, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var copies = await CopiesAsync(collectionId, itemId, cancellationToken);
            if (copies.Count == 0) throw new PimItemRejectedException(itemId, $"it is not in '{collectionId}'");
            var newest = copies[^1];
            if (copies.Count > 1) await _mail.ExpungeAsync(collectionId, [.. copies.Take(copies.Count - 1)], cancellationToken);
            var moved = await _mail.MoveAsync(collectionId, [newest], destinationCollectionId, cancellationToken);
            if (moved.TryGetValue(newest, out var uid)) return Version(itemId, uid);
            var there = await CopiesAsync(destinationCollectionId, itemId, cancellationToken);
            return there.Count > 0 ? Version(itemId, there[^1]) : throw new PimStoreUnavailableException($"The moved item '{itemId}' is not in '{destinationCollectionId}'.");
        });

    /// <summary>
    /// Every item of the folder: per Subject, the highest UID is the item; older copies (an update interrupted between
    /// its APPEND and its EXPUNGE) are expunged.
    /// </summary>
    private async Task<PimChangeSet> FullListingAsync(string collectionId, CancellationToken cancellationToken)
    {
        var listing = await _pim.ListPimMessagesAsync(collectionId, 0, 0, cancellationToken);
        var items = new List<PimItemVersion>();
        var leftovers = new List<uint>();
        foreach (var copies in Items(collectionId, listing.Messages))
        {
            var ordered = copies.OrderBy(m => m.Uid).ToList();
            items.Add(Version(copies.Key, ordered[^1].Uid));
            if (ordered.Count == 1) continue;
            leftovers.AddRange(ordered.Take(ordered.Count - 1).Select(m => m.Uid));
            ImapPimLog.LeftoversExpunged(Logger, _pim.Login, collectionId, copies.Key, ordered.Count - 1);
        }

        if (leftovers.Count > 0) await _mail.ExpungeAsync(collectionId, leftovers, cancellationToken);
        return new PimChangeSet(ImapPimToken.Format(listing.UidValidity, listing.HighestModSeq), IsFullListing: true, items, []);
    }

    /// <summary>The usable messages grouped by item id; the others are logged (once per UID) and left out.</summary>
    private IEnumerable<IGrouping<string, PimMessageRef>> Items(string collectionId, IReadOnlyList<PimMessageRef> messages)
    {
        var usable = new List<PimMessageRef>(messages.Count);
        foreach (var message in messages)
        {
            if (!ImapPimMessage.IsUsableId(message.Subject)) Skip(collectionId, message.Uid, "no Subject to be its item id");
            else if (!message.HasItemPart) Skip(collectionId, message.Uid, "no vCard or iCalendar part");
            else usable.Add(message);
        }

        return usable.GroupBy(m => m.Subject!, StringComparer.Ordinal);
    }

    /// <summary>The current UID of each item found (the highest of its copies).</summary>
    private Dictionary<string, uint> Current(string collectionId, IReadOnlyList<PimMessageRef> found) =>
        Items(collectionId, found).ToDictionary(g => g.Key, g => g.Max(m => m.Uid), StringComparer.Ordinal);

    /// <summary>The UIDs of every message of the item, in ascending order (the last is the current one).</summary>
    private async Task<List<uint>> CopiesAsync(string collectionId, string itemId, CancellationToken cancellationToken)
    {
        var found = await _pim.FindBySubjectAsync(collectionId, [itemId], cancellationToken);
        return [.. found.Where(m => m.Subject == itemId).Select(m => m.Uid).Order()];
    }

    private async Task<PimItemVersion> AppendAsync(string collectionId, string itemId, string content, CancellationToken cancellationToken)
    {
        uint? uid;
        try
        {
            uid = await _pim.AppendMessageAsync(collectionId, ImapPimMessage.Build(_pim.Login, itemId, content, KindOf(collectionId)), cancellationToken);
        }
        catch (ImapCommandException e)
        {
            throw new PimItemRejectedException(itemId, e.ResponseText ?? e.Message);
        }

        if (uid is { } known) return Version(itemId, known);
        var copies = await CopiesAsync(collectionId, itemId, cancellationToken);
        return copies.Count > 0 ? Version(itemId, copies[^1]) : throw new PimStoreUnavailableException($"The appended item '{itemId}' is not in '{collectionId}'.");
    }

    /// <summary>A write that names a version only goes ahead while that version is the item's current one.</summary>
    private static void CheckVersion(string itemId, List<uint> copies, string? expectedVersion)
    {
        if (expectedVersion is null) return;
        if (copies.Count == 0 || Format(copies[^1]) != expectedVersion) throw new PimConflictException(itemId);
    }

    private void Skip(string collectionId, uint uid, string reason)
    {
        if (_skipsLogged.Add((collectionId, uid))) ImapPimLog.MessageSkipped(Logger, _pim.Login, collectionId, uid, reason);
    }

    /// <summary>The kind a collection holds, by its top folder; the delimiter is the personal namespace's, as when it was created.</summary>
    private PimKind KindOf(string collectionId) =>
        ImapPimFolders.KindOf(collectionId, '/', _options) ?? ImapPimFolders.KindOf(collectionId, '.', _options) ?? PimKind.Contacts;

    private static PimItemVersion Version(string itemId, uint uid) => new(itemId, Format(uid));

    private static string Format(uint uid) => uid.ToString(CultureInfo.InvariantCulture);
}
