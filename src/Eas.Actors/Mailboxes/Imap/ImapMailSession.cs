using System.Collections.Immutable;
using System.Diagnostics;
using Eas.Actors.Diagnostics;
using Eas.Actors.Sync.Email;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// <see cref="IMailSession"/> over MailKit's <see cref="ImapClient"/>. A folder is selected (SELECT, with
/// CONDSTORE where offered, RFC 7162 3.1.8) only when the operation's folder is not the selected one. A full
/// listing selects again for a fresh HIGHESTMODSEQ and message count; a delta of the selected folder asks NOOP and
/// STATUS instead (<see cref="ListChangesOfSelectedAsync"/>): Dovecot's work for a SELECT grows with the folder. A Sync
/// window's bodies come in one UID FETCH (<see cref="FetchBodiesAsync"/>). Fetched messages and parts land in
/// <see cref="EmailReader.CreateBuffer"/> buffers (<see cref="SpoolingImapFolder"/>), never whole in memory when large.
/// </summary>
/// <remarks>
/// Every MailKit call goes through <see cref="CallAsync{T}"/>, which times it for <see cref="ImapMetrics"/> and
/// marks the session unusable after any failure but a tagged NO or BAD (or a folder or message that is not
/// there): a dropped connection, a timeout, an unreadable response or a cancellation mid-command. The owner then
/// discards it (<see cref="IMailSession.IsUsable"/>) instead of sending the next command into an unknown state.
/// </remarks>
internal sealed partial class ImapMailSession(SpoolingImapClient client, ImapMetrics? metrics) : IMailSession
{
    private IMailFolder? _selected;
    private bool _broken;
    private int _closed;

    public bool IsUsable => !_broken && client.IsConnected && client.IsAuthenticated;

    public async Task<IReadOnlyList<MailFolder>> ListFoldersAsync(CancellationToken cancellationToken)
    {
        var listStatus = client.Capabilities.HasFlag(ImapCapabilities.ListStatus);
        var items = listStatus ? StatusItems.UidValidity : StatusItems.None;
        if (client.Capabilities.HasFlag(ImapCapabilities.ObjectID)) items |= StatusItems.MailboxId;
        var root = client.PersonalNamespaces.Count > 0 ? client.PersonalNamespaces[0] : new FolderNamespace('/', string.Empty);
        var folders = await CallAsync("LIST", () => client.GetFoldersAsync(root, items, subscribedOnly: false, cancellationToken));
        var existing = folders.Where(f => !f.Attributes.HasFlag(FolderAttributes.NonExistent)).ToList();
        if (!listStatus)
        {
            foreach (var folder in existing.Where(IsSelectable))
                await CallAsync("STATUS", () => Done(folder.StatusAsync(StatusItems.UidValidity, cancellationToken)));
        }

        return [.. existing.Select(ToFolder)];
    }

    public async Task<FolderListing> ListMessagesAsync(string folder, DateTimeOffset? since, ulong changedSinceModSeq, uint expectedUidValidity, CancellationToken cancellationToken)
    {
        await WaitForPrefetchAsync();
        var listing = await ListChangesOfSelectedAsync(folder, changedSinceModSeq, expectedUidValidity, cancellationToken)
            ?? await ListBySelectingAsync(folder, since, changedSinceModSeq, expectedUidValidity, cancellationToken);
        ConfirmPrefetch(folder, new ListingStamp(listing.UidValidity, listing.HighestModSeq));
        return listing;
    }

    /// <summary>The listing of <paramref name="folder"/> selected afresh: its delta since <paramref name="changedSinceModSeq"/> when one can be asked, else all its messages (since <paramref name="since"/>).</summary>
    private async Task<FolderListing> ListBySelectingAsync(string folder, DateTimeOffset? since, ulong changedSinceModSeq, uint expectedUidValidity, CancellationToken cancellationToken)
    {
        var selected = await SelectAsync(folder, fresh: true, cancellationToken);
        var modSeq = selected.HighestModSeq;
        if (await FetchDeltaAsync(selected, ListingItems, changedSinceModSeq, expectedUidValidity, cancellationToken) is { } delta)
            return new FolderListing(selected.UidValidity, modSeq, [.. delta.Changed.Select(Info)], [.. delta.Vanished], IsDelta: true);

        IList<IMessageSummary> messages;
        if (since is { } date)
        {
            var uids = await CallAsync("UID SEARCH", () => selected.SearchAsync(SearchQuery.DeliveredAfter(date.UtcDateTime.Date), cancellationToken));
            messages = uids.Count == 0 ? [] : await CallAsync("UID FETCH", () => selected.FetchAsync(uids, new FetchRequest(ListingItems), cancellationToken));
        }
        else
        {
            messages = selected.Count == 0 ? [] : await CallAsync("UID FETCH", () => selected.FetchAsync(UniqueIdRange.All, new FetchRequest(ListingItems), cancellationToken));
        }

        return new FolderListing(selected.UidValidity, modSeq, [.. messages.Select(Info)], [], IsDelta: false);
    }

    public async Task<IReadOnlyList<uint>> SearchHeaderAsync(string folder, string header, string value, CancellationToken cancellationToken)
    {
        var selected = await SelectAsync(folder, fresh: false, cancellationToken);
        var uids = await CallAsync("UID SEARCH", () => selected.SearchAsync(SearchQuery.HeaderContains(header, value), cancellationToken));
        return [.. uids.Select(u => u.Id)];
    }

    public async Task<IReadOnlyList<FetchedEmail>> FetchEmailsAsync(string folder, IReadOnlyList<uint> uids, EmailContentRequest content, CancellationToken cancellationToken)
    {
        var confirmed = _confirmed is { } current && ReferenceEquals(current, _prefetch) && _selected is { IsOpen: true } open && open.FullName == folder;
        var ready = await TakePrefetchedAsync(folder, content);
        if (uids.Count == 0) return [];
        if (confirmed && ServeConfirmed(uids, ready) is { } served) return served;
        var selected = await SelectAsync(folder, fresh: false, cancellationToken);
        return await FetchSelectedAsync(selected, uids, content, ready, cancellationToken);
    }

    /// <summary>
    /// The messages asked, in order, all from a prefetch the listing just proved current (<see cref="ConfirmPrefetch"/>):
    /// no command at all. Null when the prefetch lacks one of them, and the flags are read as usual.
    /// </summary>
    private static List<FetchedEmail>? ServeConfirmed(IReadOnlyList<uint> uids, Dictionary<uint, FetchedEmail> ready)
    {
        foreach (var uid in uids)
        {
            if (!ready.ContainsKey(uid)) return null;
        }

        var result = new List<FetchedEmail>(uids.Count);
        foreach (var uid in uids)
        {
            if (ready.Remove(uid, out var item)) result.Add(item);
        }

        return result;
    }

    /// <summary>
    /// The messages of the selected folder, in the order asked, with two commands whatever their number: one UID FETCH
    /// of their flags and dates (which leaves out UIDs that are gone), then one of the bodies
    /// (<see cref="FetchBodiesAsync"/>) of all but those <paramref name="ready"/> holds already fetched with the flags
    /// they have now.
    /// </summary>
    /// <remarks>
    /// The flags are not read with the bodies: MailKit's GetStreams asks BODY.PEEK[] alone, and the separate FETCH is
    /// what tells a prefetched message whose flags changed since (served again, with its flags now) and gives each
    /// message its INTERNALDATE, which the reader needs while the body streams in.
    /// </remarks>
    private async Task<IReadOnlyList<FetchedEmail>> FetchSelectedAsync(
        IMailFolder selected, IReadOnlyList<uint> uids, EmailContentRequest content, Dictionary<uint, FetchedEmail> ready, CancellationToken cancellationToken)
    {
        var request = new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Flags | MessageSummaryItems.InternalDate);
        var summaries = await CallAsync("UID FETCH", () => selected.FetchAsync(Uids(uids), request, cancellationToken));
        var served = new Dictionary<uint, FetchedEmail>(summaries.Count);
        var wanted = new Dictionary<uint, IMessageSummary>(summaries.Count);
        var asked = uids.ToHashSet();
        foreach (var summary in summaries)
        {
            // A summary of a UID not asked for (an unsolicited FETCH of another session's flag change) is not fetched.
            var uid = summary.UniqueId.Id;
            if (!asked.Contains(uid)) continue;
            if (ready.TryGetValue(uid, out var early) && early.Flags == MessageFlagNames.Parse(ImapFlagMapping.NamesOf(summary))) served[uid] = early;
            else wanted[uid] = summary;
        }

        if (wanted.Count > 0) await FetchBodiesAsync((IImapFolder)selected, wanted, content, served, cancellationToken);
        var result = new List<FetchedEmail>(served.Count);
        foreach (var uid in uids)
        {
            if (served.Remove(uid, out var item)) result.Add(item);
        }

        // Nothing is left unless the phone asked for a UID twice; a MIME buffer it kept would otherwise stay open.
        foreach (var left in served.Values) left.Item.Mime?.Source?.Dispose();
        return result;
    }

    public async Task<IReadOnlyList<(uint Uid, EmailItem Headers)>> ListHeadersAsync(string folder, CancellationToken cancellationToken)
    {
        var selected = await SelectAsync(folder, fresh: true, cancellationToken);
        if (selected.Count == 0) return [];
        var request = new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate, ThreadingHeaders.Names);
        var messages = await CallAsync("UID FETCH", () => selected.FetchAsync(UniqueIdRange.All, request, cancellationToken));
        return [.. messages.Select(m => (m.UniqueId.Id, ThreadingHeaders.ToItem(m.Headers, m.InternalDate ?? DateTimeOffset.UnixEpoch)))];
    }

    public async Task SetFlagsAsync(string folder, uint uid, MessageFlags add, MessageFlags remove, CancellationToken cancellationToken)
    {
        var selected = await SelectAsync(folder, fresh: false, cancellationToken);
        UniqueId[] target = [new UniqueId(uid)];
        if (add != MessageFlags.None) await StoreAsync(selected, target, StoreAction.Add, add, cancellationToken);
        if (remove != MessageFlags.None) await StoreAsync(selected, target, StoreAction.Remove, remove, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<uint, uint>> MoveAsync(string folder, IReadOnlyList<uint> uids, string destination, CancellationToken cancellationToken)
    {
        var selected = await SelectAsync(folder, fresh: false, cancellationToken);
        var target = await CallAsync(null, () => client.GetFolderAsync(destination, cancellationToken));
        var verb = client.Capabilities.HasFlag(ImapCapabilities.Move) ? "UID MOVE" : "UID COPY";
        var map = await CallAsync(verb, () => selected.MoveToAsync(Uids(uids), target, cancellationToken));
        return map.Source.Zip(map.Destination).ToImmutableDictionary(pair => pair.Item1.Id, pair => pair.Item2.Id);
    }

    public async Task ExpungeAsync(string folder, IReadOnlyList<uint> uids, CancellationToken cancellationToken)
    {
        var selected = await SelectAsync(folder, fresh: false, cancellationToken);
        var target = Uids(uids);
        await StoreAsync(selected, target, StoreAction.Add, MessageFlags.Deleted, cancellationToken);
        await CallAsync("UID EXPUNGE", () => Done(selected.ExpungeAsync(target, cancellationToken)));
    }

    public async Task<FolderStamp> StampAsync(string folder, CancellationToken cancellationToken)
    {
        // Dovecot answers STATUS of the selected folder from the session's own view, without the changes other
        // sessions made since (it even warns CLIENTBUG): the selected folder is left first, so the stamp is current.
        if (_selected is { IsOpen: true } selected && selected.FullName == folder) await UnselectAsync(cancellationToken);
        var target = await CallAsync(null, () => client.GetFolderAsync(folder, cancellationToken));
        return await ImapStamps.TakeAsync(client, target, (verb, call) => CallAsync(verb, call), cancellationToken);
    }

    public async Task<uint?> AppendAsync(string folder, Stream message, long length, MessageFlags flags, CancellationToken cancellationToken)
    {
        var target = await CallAsync(null, () => client.GetFolderAsync(folder, cancellationToken));
        var parsed = await MimeMessage.LoadAsync(message, persistent: message.CanSeek, cancellationToken);
        var (system, keywords) = ImapFlagMapping.Split(flags);
        var request = new AppendRequest(parsed, system) { Keywords = keywords };
        var uid = await CallAsync("APPEND", () => target.AppendAsync(request, cancellationToken));
        return uid?.Id;
    }

    public async Task CreateFolderAsync(string name, CancellationToken cancellationToken)
    {
        var (parent, leaf) = await ParentAndLeafAsync(name, cancellationToken);
        await CallAsync("CREATE", () => parent.CreateAsync(leaf, isMessageFolder: true, cancellationToken));
    }

    public async Task RenameFolderAsync(string name, string newName, CancellationToken cancellationToken)
    {
        await UnselectAsync(cancellationToken);
        var folder = await CallAsync(null, () => client.GetFolderAsync(name, cancellationToken));
        var (parent, leaf) = await ParentAndLeafAsync(newName, cancellationToken);
        await CallAsync("RENAME", () => Done(folder.RenameAsync(parent, leaf, cancellationToken)));
    }

    public async Task DeleteFolderAsync(string name, CancellationToken cancellationToken)
    {
        await UnselectAsync(cancellationToken);
        var folder = await CallAsync(null, () => client.GetFolderAsync(name, cancellationToken));
        await CallAsync("DELETE", () => Done(folder.DeleteAsync(cancellationToken)));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        await AbandonPrefetchAsync();
        metrics?.SessionClosed(ImapMetrics.MailboxPurpose);
        await ImapConnector.CloseAsync(client);
    }

    private const MessageSummaryItems ListingItems = MessageSummaryItems.UniqueId | MessageSummaryItems.Flags | MessageSummaryItems.InternalDate;

    /// <summary>
    /// The messages of the selected folder changed since <paramref name="changedSinceModSeq"/> and the UIDs expunged
    /// since (CONDSTORE CHANGEDSINCE with QRESYNC VANISHED, RFC 7162 3.1.4 and 3.2.6); null when no delta can be asked
    /// (no MODSEQ to ask from, no QRESYNC, or a UIDVALIDITY other than the caller's), and the caller lists the folder whole.
    /// </summary>
    private async Task<(IList<IMessageSummary> Changed, uint[] Vanished)?> FetchDeltaAsync(
        IMailFolder selected, MessageSummaryItems items, ulong changedSinceModSeq, uint expectedUidValidity, CancellationToken cancellationToken)
    {
        if (changedSinceModSeq == 0 || !client.Capabilities.HasFlag(ImapCapabilities.QuickResync) || selected.HighestModSeq == 0
            || selected.UidValidity != expectedUidValidity) return null;
        var vanished = new List<uint>();
        void OnVanished(object? sender, MessagesVanishedEventArgs e) => vanished.AddRange(e.UniqueIds.Select(u => u.Id));
        selected.MessagesVanished += OnVanished;
        try
        {
            var request = new FetchRequest(items) { ChangedSince = changedSinceModSeq };
            var changed = await CallAsync("UID FETCH", () => selected.FetchAsync(UniqueIdRange.All, request, cancellationToken));
            return (changed, [.. vanished.Distinct()]);
        }
        finally
        {
            selected.MessagesVanished -= OnVanished;
        }
    }

    /// <summary>
    /// Selects <paramref name="folder"/> unless it already is (or always, when <paramref name="fresh"/>); the
    /// one place the session changes its selected folder.
    /// </summary>
    private async Task<IMailFolder> SelectAsync(string folder, bool fresh, CancellationToken cancellationToken)
    {
        if (!fresh && _selected is { IsOpen: true } current && current.FullName == folder) return current;
        _selected = null;
        var target = await CallAsync(null, () => client.GetFolderAsync(folder, cancellationToken));
        await CallAsync("SELECT", () => target.OpenAsync(FolderAccess.ReadWrite, cancellationToken));
        _selected = target;
        return target;
    }

    private async Task UnselectAsync(CancellationToken cancellationToken)
    {
        if (_selected is not { IsOpen: true } open) return;
        _selected = null;
        await CallAsync("UNSELECT", () => Done(open.CloseAsync(expunge: false, cancellationToken)));
    }

    private Task StoreAsync(IMailFolder folder, IList<UniqueId> uids, StoreAction action, MessageFlags flags, CancellationToken cancellationToken)
    {
        var (system, keywords) = ImapFlagMapping.Split(flags);
        var request = new StoreFlagsRequest(action, system) { Silent = true };
        foreach (var keyword in keywords) request.Keywords.Add(keyword);
        return CallAsync("UID STORE", () => folder.StoreAsync(uids, request, cancellationToken));
    }

    /// <summary>The parent folder a new name goes under (the personal namespace's root at the top) and its last segment.</summary>
    private async Task<(IMailFolder Parent, string Leaf)> ParentAndLeafAsync(string name, CancellationToken cancellationToken)
    {
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        var delimiter = root.DirectorySeparator;
        var cut = delimiter == '\0' ? -1 : name.LastIndexOf(delimiter);
        if (cut <= 0) return (root, name);
        var parentName = name[..cut];
        var parent = await CallAsync(null, () => client.GetFolderAsync(parentName, cancellationToken));
        return (parent, name[(cut + 1)..]);
    }

    private static UniqueId[] Uids(IEnumerable<uint> uids) => [.. uids.Select(uid => new UniqueId(uid))];

    private static async Task<bool> Done(Task task)
    {
        await task;
        return true;
    }

    private static MessageInfo Info(IMessageSummary message) =>
        new(message.UniqueId.Id, MessageFlagNames.Parse(ImapFlagMapping.NamesOf(message)), message.InternalDate ?? DateTimeOffset.UnixEpoch);

    private static bool IsSelectable(IMailFolder folder) => !folder.Attributes.HasFlag(FolderAttributes.NoSelect) && !folder.Attributes.HasFlag(FolderAttributes.NonExistent);

    private static MailFolder ToFolder(IMailFolder folder) => new(
        folder.FullName,
        folder.DirectorySeparator == '\0' ? null : folder.DirectorySeparator,
        folder.Attributes switch
        {
            var a when a.HasFlag(FolderAttributes.Inbox) || folder.FullName.Equals("INBOX", StringComparison.OrdinalIgnoreCase) => FolderUse.Inbox,
            var a when a.HasFlag(FolderAttributes.Drafts) => FolderUse.Drafts,
            var a when a.HasFlag(FolderAttributes.Sent) => FolderUse.Sent,
            var a when a.HasFlag(FolderAttributes.Trash) => FolderUse.Trash,
            var a when a.HasFlag(FolderAttributes.Junk) => FolderUse.Junk,
            var a when a.HasFlag(FolderAttributes.Archive) => FolderUse.Archive,
            _ when folder.FullName.Equals("Outbox", StringComparison.OrdinalIgnoreCase) => FolderUse.Outbox,
            _ => FolderUse.None,
        },
        folder.UidValidity,
        IsSelectable(folder))
    {
        MailboxId = folder.Id,
    };
}
