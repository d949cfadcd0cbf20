using System.Diagnostics;
using MailKit;
using MailKit.Net.Imap;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>The changes of the folder the session already has selected, at a cost that does not grow with the folder.</summary>
internal sealed partial class ImapMailSession
{
    /// <summary>
    /// The changes since <paramref name="changedSinceModSeq"/> of <paramref name="folder"/> when it is the selected
    /// folder, without selecting it again: NOOP brings the session's view up to date with what other sessions did
    /// (RFC 3501 6.1.2; with QRESYNC enabled, expunges arrive as VANISHED, RFC 7162 3.2.10), then STATUS HIGHESTMODSEQ
    /// (RFC 7162 3.1.6) of that view says whether anything changed at all. Unchanged, the answer is an empty delta
    /// and Dovecot has read nothing but the index header; changed, the delta is fetched (CHANGEDSINCE with VANISHED)
    /// as after a SELECT. Null when this does not apply (another folder selected, no MODSEQ yet, no QRESYNC, or a
    /// UIDVALIDITY other than the caller's), and the caller selects and lists as before. The HIGHESTMODSEQ answered
    /// is the one STATUS read before the delta was fetched, so a change landing in between is reported again next
    /// time rather than missed.
    /// Only between the windows of one sync that left MoreAvailable (<see cref="IsContinuingWindowsOf"/>): a folder
    /// deleted and created again by another client is invisible to the selected view — Dovecot 2.3 answers NOOP with
    /// an untagged NO and STATUS with the old UIDVALIDITY — so any other listing selects afresh and sees the new
    /// UIDVALIDITY (the phone gets Sync Status 3).
    /// </summary>
    private async Task<FolderListing?> ListChangesOfSelectedAsync(string folder, ulong changedSinceModSeq, uint expectedUidValidity, CancellationToken cancellationToken)
    {
        if (changedSinceModSeq == 0 || !client.Capabilities.HasFlag(ImapCapabilities.QuickResync)) return null;
        if (!IsContinuingWindowsOf(folder)) return null;
        if (_selected is not { IsOpen: true } selected || selected.FullName != folder || selected.UidValidity != expectedUidValidity) return null;
        await CallAsync("NOOP", () => Done(client.NoOpAsync(cancellationToken)));
        if (!ReferenceEquals(_selected, selected) || !selected.IsOpen) return null;
        await CallAsync("STATUS", () => Done(selected.StatusAsync(StatusItems.HighestModSeq | StatusItems.UidValidity, cancellationToken)));
        var highest = selected.HighestModSeq;
        if (highest == 0 || selected.UidValidity != expectedUidValidity) return null;
        if (highest == changedSinceModSeq) return new FolderListing(selected.UidValidity, highest, [], [], IsDelta: true);
        if (await FetchDeltaAsync(selected, ListingItems, changedSinceModSeq, expectedUidValidity, cancellationToken) is not { } delta) return null;
        return new FolderListing(selected.UidValidity, highest, [.. delta.Changed.Select(Info)], [.. delta.Vanished], IsDelta: true);
    }

    /// <summary>
    /// Whether the previous Sync window of <paramref name="folder"/> left more to send and asked for the next one to be
    /// prefetched no longer than <see cref="PrefetchLifetime"/> ago: the phone is walking the folder window by window.
    /// </summary>
    private bool IsContinuingWindowsOf(string folder) =>
        _prefetch is { } prefetch && prefetch.Folder == folder && Stopwatch.GetElapsedTime(prefetch.Started) <= PrefetchLifetime;
}
