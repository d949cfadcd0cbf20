using System.Collections.Immutable;
using Eas.Actors.Diagnostics;
using Eas.Actors.Sync.Email;
using Eas.Mail.Imap;
using Eas.Mail.Imap.Fetch;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Messages;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// <see cref="IMailSession"/> over our IMAP client. Every operation selects its folder first (SELECT with
/// CONDSTORE, so HIGHESTMODSEQ is fresh), which keeps the session's state obvious at the cost of one short
/// round trip. Messages are read through <see cref="EmailReader"/>, which streams each one through the MIME
/// reader without holding it whole. <paramref name="metrics"/>, when given, counted this session open and is told
/// when it closes.
/// </summary>
internal sealed class ImapMailSession(ImapClient client, bool qresync, ImapMetrics? metrics) : IMailSession
{
    private SelectedMailbox? _selected;
    private int _closed;

    private static readonly string[] ThreadingHeaders = ["Message-ID", "In-Reply-To", "References", "From", "Date", "Subject"];
    private static readonly ImapFetchRequest ListingItems = new(ImapFetchItems.Flags | ImapFetchItems.InternalDate);

    public async Task<IReadOnlyList<MailFolder>> ListFoldersAsync(CancellationToken cancellationToken)
    {
        var mailboxes = await client.ListAsync("*", ImapStatusItems.UidValidity | ImapStatusItems.MailboxId, cancellationToken);
        return [.. mailboxes.Where(m => !m.Attributes.Contains(ImapMailboxAttributes.NonExistent)).Select(ToFolder)];
    }

    public async Task<FolderListing> ListMessagesAsync(string folder, DateTimeOffset? since, ulong changedSinceModSeq, uint expectedUidValidity, CancellationToken cancellationToken)
    {
        var selected = await SelectAsync(folder, cancellationToken, fresh: true);
        var modSeq = selected.HighestModSeq ?? 0;
        var canDelta = changedSinceModSeq != 0 && qresync && !selected.NoModSeq && selected.UidValidity == expectedUidValidity;
        if (canDelta)
        {
            var changes = await client.FetchChangesAsync(UidSet.All, changedSinceModSeq, ListingItems, cancellationToken);
            if (changes.Vanished is { } vanished)
                return new FolderListing(selected.UidValidity, modSeq, [.. changes.Changed.Select(Info)], [.. vanished.Enumerate()], IsDelta: true);
        }

        IReadOnlyList<FetchedMessage> messages;
        if (since is { } date)
        {
            var uids = await client.SearchAsync(ImapSearchQuery.Since(DateOnly.FromDateTime(date.UtcDateTime)), cancellationToken);
            messages = uids.Count == 0 ? [] : await client.FetchAsync(UidSet.From(uids), ListingItems, cancellationToken);
        }
        else
        {
            messages = selected.Exists == 0 ? [] : await client.FetchAsync(UidSet.All, ListingItems, cancellationToken);
        }

        return new FolderListing(selected.UidValidity, modSeq, [.. messages.Select(Info)], [], IsDelta: false);
    }

    public async Task<IReadOnlyList<FetchedEmail>> FetchEmailsAsync(string folder, IReadOnlyList<uint> uids, EmailContentRequest content, CancellationToken cancellationToken)
    {
        if (uids.Count == 0) return [];
        await SelectAsync(folder, cancellationToken);
        var summaries = await client.FetchAsync(UidSet.From(uids), new ImapFetchRequest(ImapFetchItems.Flags | ImapFetchItems.InternalDate | ImapFetchItems.Size), cancellationToken);
        var byUid = summaries.ToDictionary(m => m.Uid);
        var result = new List<FetchedEmail>(uids.Count);
        foreach (var uid in uids)
        {
            if (!byUid.TryGetValue(uid, out var summary)) continue;
            await using var buffer = EmailReader.CreateBuffer((long)(summary.Size ?? 0));
            var section = await client.FetchSectionAsync(summary.Uid, string.Empty, null, useBinary: false, buffer, cancellationToken);
            if (section is null) continue;
            var item = await EmailReader.ParseAsync(buffer, summary.Flags ?? [], summary.InternalDate ?? DateTimeOffset.UnixEpoch, content, cancellationToken);
            result.Add(new FetchedEmail(uid, MessageFlagNames.Parse(summary.Flags), item));
        }

        return result;
    }

    public async Task<IReadOnlyList<(uint Uid, EmailItem Headers)>> ListHeadersAsync(string folder, CancellationToken cancellationToken)
    {
        var selected = await SelectAsync(folder, cancellationToken, fresh: true);
        if (selected.Exists == 0) return [];
        var request = new ImapFetchRequest(ImapFetchItems.InternalDate) { HeaderFields = ThreadingHeaders };
        var messages = await client.FetchAsync(UidSet.All, request, cancellationToken);
        return [.. messages.Select(m => (m.Uid, EmailItemMapper.FromHeaders(m.HeaderFields ?? ReadOnlyMemory<byte>.Empty, m.InternalDate ?? DateTimeOffset.UnixEpoch)))];
    }

    public async Task SetFlagsAsync(string folder, uint uid, MessageFlags add, MessageFlags remove, CancellationToken cancellationToken)
    {
        await SelectAsync(folder, cancellationToken);
        if (add != MessageFlags.None) await client.StoreFlagsAsync(UidSet.Single(uid), ImapFlagChange.Add, MessageFlagNames.Of(add), cancellationToken: cancellationToken);
        if (remove != MessageFlags.None) await client.StoreFlagsAsync(UidSet.Single(uid), ImapFlagChange.Remove, MessageFlagNames.Of(remove), cancellationToken: cancellationToken);
    }

    public async Task AppendAsync(string folder, Stream message, long length, MessageFlags flags, CancellationToken cancellationToken) =>
        _ = await client.AppendAsync(folder, message, MessageFlagNames.Of(flags), length: length, cancellationToken: cancellationToken);

    public async Task<IReadOnlyDictionary<uint, uint>> MoveAsync(string folder, IReadOnlyList<uint> uids, string destination, CancellationToken cancellationToken)
    {
        await SelectAsync(folder, cancellationToken);
        var result = await client.MoveAsync(UidSet.From(uids), destination, cancellationToken);
        return result?.Uids ?? ImmutableDictionary<uint, uint>.Empty;
    }

    public async Task ExpungeAsync(string folder, IReadOnlyList<uint> uids, CancellationToken cancellationToken)
    {
        await SelectAsync(folder, cancellationToken);
        var set = UidSet.From(uids);
        await client.StoreFlagsAsync(set, ImapFlagChange.Add, [@"\Deleted"], cancellationToken: cancellationToken);
        await client.UidExpungeAsync(set, cancellationToken);
    }

    public async Task<FolderStamp> StampAsync(string folder, CancellationToken cancellationToken)
    {
        var status = await client.StatusAsync(folder, ImapStatusItems.UidValidity | ImapStatusItems.UidNext | ImapStatusItems.Messages | ImapStatusItems.HighestModSeq, cancellationToken);
        return new FolderStamp(status.UidValidity ?? 0, status.UidNext ?? 0, status.Messages ?? 0, status.HighestModSeq ?? 0);
    }

    public Task CreateFolderAsync(string name, CancellationToken cancellationToken) => client.CreateAsync(name, cancellationToken: cancellationToken);

    public async Task RenameFolderAsync(string name, string newName, CancellationToken cancellationToken)
    {
        _selected = null;
        await client.UnselectAsync(cancellationToken).ConfigureAwait(false);
        await client.RenameAsync(name, newName, cancellationToken);
    }

    public async Task DeleteFolderAsync(string name, CancellationToken cancellationToken)
    {
        _selected = null;
        await client.UnselectAsync(cancellationToken).ConfigureAwait(false);
        await client.DeleteAsync(name, cancellationToken);
    }

    public async Task<long> CopyPartAsync(string folder, uint uid, string part, Stream destination, (long Offset, long Length)? range, CancellationToken cancellationToken)
    {
        await SelectAsync(folder, cancellationToken);
        var result = await client.FetchSectionAsync(uid, part, range, useBinary: part.Length > 0, destination, cancellationToken)
            ?? throw new FileNotFoundException($"Message {uid} is gone.");
        return result.TotalSize ?? result.BytesWritten;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0) metrics?.SessionClosed(ImapMetrics.MailboxPurpose);
        try
        {
            await client.LogoutAsync(CancellationToken.None);
        }
        catch (ImapException)
        {
        }

        await client.DisposeAsync();
    }

    /// <summary>
    /// Selects <paramref name="folder"/> unless it already is. Dovecot's work for a SELECT grows with the
    /// folder's size, so only listings, which need a fresh HIGHESTMODSEQ and message count, select again.
    /// </summary>
    private async Task<SelectedMailbox> SelectAsync(string folder, CancellationToken cancellationToken, bool fresh = false)
    {
        if (!fresh && _selected is { } current && current.Name == folder) return current;
        _selected = null;
        _selected = await client.SelectAsync(folder, new ImapSelectOptions { CondStore = client.Capabilities.Contains("CONDSTORE") }, cancellationToken);
        return _selected;
    }

    private static MessageInfo Info(FetchedMessage message) =>
        new(message.Uid, MessageFlagNames.Parse(message.Flags), message.InternalDate ?? DateTimeOffset.UnixEpoch);

    private static MailFolder ToFolder(ImapMailbox mailbox) => new(
        mailbox.Name,
        mailbox.Delimiter,
        mailbox.SpecialUse switch
        {
            ImapSpecialUse.Inbox => FolderUse.Inbox,
            ImapSpecialUse.Drafts => FolderUse.Drafts,
            ImapSpecialUse.Sent => FolderUse.Sent,
            ImapSpecialUse.Trash => FolderUse.Trash,
            ImapSpecialUse.Junk => FolderUse.Junk,
            ImapSpecialUse.Archive => FolderUse.Archive,
            _ when mailbox.Name.Equals("Outbox", StringComparison.OrdinalIgnoreCase) => FolderUse.Outbox,
            _ => FolderUse.None,
        },
        mailbox.Status?.UidValidity ?? 0,
        mailbox.IsSelectable)
    {
        MailboxId = mailbox.MailboxId,
    };
}
