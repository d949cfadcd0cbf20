using System.Diagnostics;
using MailKit;
using MailKit.Net.Imap;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// The next Sync window's messages fetched while the phone still handles this one (<see cref="IMailSession.PrefetchEmails"/>).
/// At most one prefetch is held: one folder, one window, one content request. It runs on the session's own connection
/// in a task of its own; every other operation of the session waits for it to finish before it sends anything
/// (<see cref="WaitForPrefetchAsync"/>), so the connection still carries one command at a time. What it fetched is
/// served only to a <see cref="FetchEmailsAsync"/> of the same folder and content request within
/// <see cref="PrefetchLifetime"/>, and only for the UIDs whose flags that fetch reads back unchanged; everything else
/// is dropped. A prefetch that fails leaves nothing behind (and, if the connection broke, a session that says so).
/// </summary>
internal sealed partial class ImapMailSession
{
    /// <summary>How long prefetched messages may wait for the phone's next request.</summary>
    internal static readonly TimeSpan PrefetchLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Set inside the prefetch's own task, whose calls must not wait for themselves.</summary>
    private static readonly AsyncLocal<bool> InPrefetch = new();

    private Prefetched? _prefetch;

    /// <summary>The folder the last listing was of, and the UIDVALIDITY and HIGHESTMODSEQ it read (a new prefetch keeps them as its base).</summary>
    private (string Folder, ListingStamp Stamp)? _listed;

    /// <summary>
    /// The prefetch that the last listing proved current (<see cref="ConfirmPrefetch"/>), until the session's next
    /// command; null otherwise.
    /// </summary>
    private Prefetched? _confirmed;

    public void PrefetchEmails(string folder, IReadOnlyList<uint> uids, EmailContentRequest content)
    {
        // A MIME buffer handed over (ItemOperations) would need an owner while it waits; Sync never asks for one.
        if (uids.Count == 0 || content.MimePrefixBytes is not null || !IsUsable || Volatile.Read(ref _closed) != 0) return;
        if (_prefetch is { Items.IsCompleted: false }) return;
        if (_selected is not { IsOpen: true } selected || selected.FullName != folder) return;
        uint[] wanted = [.. uids];
        var stop = new CancellationTokenSource();
        var items = Task.Run(() => RunPrefetchAsync(selected, wanted, content, stop.Token), CancellationToken.None);
        _prefetch?.Stop.Dispose();
        var listedBefore = _listed is { } listed && listed.Folder == folder ? listed.Stamp : default;
        _prefetch = new Prefetched(folder, content, items, stop, Stopwatch.GetTimestamp(), listedBefore);
    }

    /// <summary>Waits until a running prefetch is done with the connection; the caller's own work follows.</summary>
    private async ValueTask WaitForPrefetchAsync()
    {
        if (InPrefetch.Value || _prefetch is not { Items.IsCompleted: false } running) return;
        await running.Items;
    }

    /// <summary>
    /// The prefetched messages by UID when they were fetched from <paramref name="folder"/> for
    /// <paramref name="content"/> no longer than <see cref="PrefetchLifetime"/> ago; empty otherwise. Either way the
    /// prefetch is used up.
    /// </summary>
    private async Task<Dictionary<uint, FetchedEmail>> TakePrefetchedAsync(string folder, EmailContentRequest content)
    {
        if (_prefetch is not { } prefetch) return [];
        _prefetch = null;
        var items = await prefetch.Items;
        prefetch.Stop.Dispose();
        var fresh = Stopwatch.GetElapsedTime(prefetch.Started) <= PrefetchLifetime;
        return fresh && prefetch.Folder == folder && prefetch.Content == content ? items : [];
    }

    /// <summary>
    /// Notes the listing of <paramref name="folder"/> that just read <paramref name="stamp"/>, after the running
    /// prefetch, if any, finished. When the prefetch of that folder was started after a listing that read the same
    /// UIDVALIDITY and HIGHESTMODSEQ on a server with QRESYNC, nothing in the folder changed in between (RFC 7162 3.1.1:
    /// every flag change and, with QRESYNC, every expunge raises it), so the flags the prefetch read are the flags now and its UIDs are all there: the next
    /// <see cref="FetchEmailsAsync"/> serves them without reading the flags again, unless another command runs first.
    /// </summary>
    private void ConfirmPrefetch(string folder, ListingStamp stamp)
    {
        _listed = (folder, stamp);
        // Without QRESYNC an expunge need not raise HIGHESTMODSEQ: the same value would not prove the UIDs are all still there.
        _confirmed = client.Capabilities.HasFlag(ImapCapabilities.QuickResync)
            && _prefetch is { Listed.ModSeq: > 0 } prefetch && prefetch.Folder == folder && prefetch.Listed == stamp
            && prefetch.Items.IsCompletedSuccessfully
            ? prefetch
            : null;
    }

    /// <summary>Stops a running prefetch as the session closes.</summary>
    private async Task AbandonPrefetchAsync()
    {
        if (_prefetch is not { } prefetch) return;
        _prefetch = null;
        await prefetch.Stop.CancelAsync();
        await prefetch.Items;
        prefetch.Stop.Dispose();
    }

    private async Task<Dictionary<uint, FetchedEmail>> RunPrefetchAsync(IMailFolder selected, uint[] uids, EmailContentRequest content, CancellationToken cancellationToken)
    {
        InPrefetch.Value = true;
        try
        {
            var fetched = await FetchSelectedAsync(selected, uids, content, [], cancellationToken);
            return fetched.ToDictionary(f => f.Uid);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nothing is served from a failed prefetch; the window is fetched when it is asked for.
            return [];
        }
    }

    /// <summary>
    /// A prefetch of one window: its folder and content request, the task that fetches it, its stop, when it started,
    /// and <c>Listed</c>: the folder's UIDVALIDITY and HIGHESTMODSEQ as the listing before the prefetch read them (a
    /// MODSEQ of 0 when unknown). A later listing that reads the same proves that no message of the folder changed or
    /// went since, the prefetch's flags included.
    /// </summary>
    private sealed record Prefetched(string Folder, EmailContentRequest Content, Task<Dictionary<uint, FetchedEmail>> Items, CancellationTokenSource Stop, long Started, ListingStamp Listed);

    /// <summary>What a listing read of a folder's state: UIDVALIDITY (RFC 3501 2.3.1.1) and HIGHESTMODSEQ (RFC 7162 3.1.1).</summary>
    private readonly record struct ListingStamp(uint UidValidity, ulong ModSeq);
}
