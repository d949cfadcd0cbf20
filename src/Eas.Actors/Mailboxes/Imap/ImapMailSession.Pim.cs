using Eas.Actors.Mailboxes.Imap.Pim;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>The IMAP commands the IMAP-folder PIM store needs (<see cref="IPimMailSession"/>), on the same session and selection habits.</summary>
internal sealed partial class ImapMailSession : IPimMailSession
{
    /// <summary>How many subjects one UID SEARCH asks for at most (an OR tree of HEADER SUBJECT keys).</summary>
    private const int SubjectsPerSearch = 100;

    private const MessageSummaryItems PimListingItems = MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope | MessageSummaryItems.BodyStructure;

    /// <summary>The PIM folders this session has listed, by name; kept current by deltas, dropped with the session.</summary>
    private readonly Dictionary<string, PimFolderIndex> _pimIndexes = new(StringComparer.Ordinal);

    public string Login { get; init; } = string.Empty;

    public async Task<IReadOnlyCollection<PimMessageRef>> ListIndexedAsync(string folder, CancellationToken cancellationToken)
    {
        _pimIndexes.TryGetValue(folder, out var index);
        await ListPimMessagesAsync(folder, index?.HighestModSeq ?? 0, index?.UidValidity ?? 0, cancellationToken);
        return _pimIndexes[folder].Messages;
    }

    public async Task<PimFolderListing> ListPimMessagesAsync(string folder, ulong changedSinceModSeq, uint expectedUidValidity, CancellationToken cancellationToken)
    {
        var listing = await FetchPimListingAsync(folder, changedSinceModSeq, expectedUidValidity, cancellationToken);
        _pimIndexes.TryGetValue(folder, out var index);
        if (!listing.IsDelta || index?.HighestModSeq >= changedSinceModSeq) _pimIndexes[folder] = PimFolderIndex.Apply(index, listing);
        return listing;
    }

    private async Task<PimFolderListing> FetchPimListingAsync(string folder, ulong changedSinceModSeq, uint expectedUidValidity, CancellationToken cancellationToken)
    {
        var selected = await SelectAsync(folder, fresh: true, cancellationToken);
        var modSeq = selected.HighestModSeq;
        if (await FetchDeltaAsync(selected, PimListingItems, changedSinceModSeq, expectedUidValidity, cancellationToken) is { } delta)
            return new PimFolderListing(selected.UidValidity, modSeq, [.. delta.Changed.Select(PimRef)], delta.Vanished, IsDelta: true);

        var messages = selected.Count == 0 ? [] : await CallAsync("UID FETCH", () => selected.FetchAsync(UniqueIdRange.All, new FetchRequest(PimListingItems), cancellationToken));
        return new PimFolderListing(selected.UidValidity, modSeq, [.. messages.Select(PimRef)], [], IsDelta: false);
    }

    public async Task<FolderStamp> StampPimFolderAsync(string folder, CancellationToken cancellationToken)
    {
        if (_selected is { IsOpen: true } current && current.FullName == folder)
            await CallAsync("NOOP", () => Done(client.NoOpAsync(cancellationToken)));
        return await StampAsync(folder, cancellationToken);
    }

    public async Task<IReadOnlyList<PimMessageRef>> FindBySubjectAsync(string folder, IReadOnlyList<string> subjects, CancellationToken cancellationToken)
    {
        if (subjects.Count == 0) return [];
        var selected = await SelectAsync(folder, fresh: false, cancellationToken);
        var wanted = subjects.ToHashSet(StringComparer.Ordinal);
        var found = new List<PimMessageRef>();
        foreach (var chunk in subjects.Distinct(StringComparer.Ordinal).Chunk(SubjectsPerSearch))
        {
            var query = AnyOf(chunk.Select(s => SearchQuery.HeaderContains("Subject", s)).ToList());
            var uids = await CallAsync("UID SEARCH", () => selected.SearchAsync(query, cancellationToken));
            if (uids.Count == 0) continue;
            var summaries = await CallAsync("UID FETCH", () => selected.FetchAsync(uids, new FetchRequest(PimListingItems), cancellationToken));
            found.AddRange(summaries.Select(PimRef).Where(m => m.Subject is { } s && wanted.Contains(s)));
        }

        return [.. found.DistinctBy(m => m.Uid).OrderBy(m => m.Uid)];
    }

    public async Task<IReadOnlyList<(uint Uid, MimeMessage Message)>> FetchMessagesAsync(string folder, IReadOnlyList<uint> uids, CancellationToken cancellationToken)
    {
        if (uids.Count == 0) return [];
        var selected = (ImapFolder)await SelectAsync(folder, fresh: false, cancellationToken);
        var result = new List<(uint, MimeMessage)>(uids.Count);
        async Task OnStream(ImapFolder _, int index, UniqueId uid, Stream stream, CancellationToken token)
        {
            await using (stream)
                result.Add((uid.Id, await MimeMessage.LoadAsync(stream, token)));
        }

        await CallAsync("UID FETCH", () => Done(selected.GetStreamsAsync(Uids(uids), OnStream, cancellationToken)));
        return result;
    }

    public async Task<uint?> AppendMessageAsync(string folder, MimeMessage message, CancellationToken cancellationToken)
    {
        var target = await CallAsync(null, () => client.GetFolderAsync(folder, cancellationToken));
        var uid = await CallAsync("APPEND", () => target.AppendAsync(new AppendRequest(message, MailKit.MessageFlags.Seen), cancellationToken));
        return uid?.Id;
    }

    public async Task<bool> SetFolderMetadataAsync(string folder, string entry, string value, CancellationToken cancellationToken)
    {
        if (!client.Capabilities.HasFlag(ImapCapabilities.Metadata)) return false;
        var target = await CallAsync(null, () => client.GetFolderAsync(folder, cancellationToken));
        var metadata = new MetadataCollection([new Metadata(new MetadataTag(entry), value)]);
        await CallAsync("SETMETADATA", () => Done(target.SetMetadataAsync(metadata, cancellationToken)));
        return true;
    }

    /// <summary>An OR tree of the keys, balanced so that its depth stays small (RFC 3501 6.4.4 OR takes two keys).</summary>
    private static SearchQuery AnyOf(IReadOnlyList<SearchQuery> keys) => keys.Count switch
    {
        1 => keys[0],
        _ => SearchQuery.Or(AnyOf([.. keys.Take(keys.Count / 2)]), AnyOf([.. keys.Skip(keys.Count / 2)])),
    };

    private static PimMessageRef PimRef(IMessageSummary message) =>
        new(message.UniqueId.Id, message.Envelope?.Subject, ImapPimMessage.HasItemPart(message.Body));
}
