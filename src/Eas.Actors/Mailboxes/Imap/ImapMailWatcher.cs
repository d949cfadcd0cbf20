using System.Diagnostics;
using Eas.Actors.Diagnostics;
using MailKit;
using MailKit.Net.Imap;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// <see cref="IMailWatcher"/> over a dedicated MailKit session. Where the server offers NOTIFY (RFC 5465) it asks
/// for STATUS of every personal mailbox on new, expunged and re-flagged messages and on mailbox renames, and one
/// IDLE (RFC 2177) hears about every folder; otherwise it EXAMINEs INBOX (read-only, leaving \Recent to the user's
/// own clients), IDLEs on it, and polls the other watched folders with STATUS every <see cref="PollInterval"/>,
/// comparing them against their last stamps. MailKit turns the untagged responses into folder events;
/// <see cref="ImapChangeLog"/> collects their folder names and ends the IDLE at the first one.
/// </summary>
internal sealed class ImapMailWatcher(SpoolingImapClient client, bool notify, ImapChangeLog changes, ImapMetrics? metrics) : IMailWatcher
{
    /// <summary>How often folders other than INBOX are polled when the server has no NOTIFY.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, FolderStamp> _polled = new(StringComparer.Ordinal);
    private int _closed;

    /// <summary>Whether this watcher hears every folder through NOTIFY (else it polls all but INBOX).</summary>
    public bool UsesNotify => notify;

    public async Task<IReadOnlyDictionary<string, FolderStamp>> StampAsync(IReadOnlyCollection<string> folders, CancellationToken cancellationToken)
    {
        var stamps = new Dictionary<string, FolderStamp>(StringComparer.Ordinal);
        foreach (var folder in folders) stamps[folder] = await StampOneAsync(folder, cancellationToken);
        foreach (var (folder, stamp) in stamps) _polled[folder] = stamp;
        changes.Clear();
        return stamps;
    }

    public async Task<IReadOnlyCollection<string>> WaitForChangesAsync(
        IReadOnlyCollection<string> watched, IReadOnlyDictionary<string, FolderStamp> baseline, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var wait = notify ? maxWait : TimeSpan.FromTicks(Math.Min(maxWait.Ticks, PollInterval.Ticks));
        if (!changes.Any) await IdleAsync(wait, cancellationToken);
        var changed = new HashSet<string>(changes.Take(), StringComparer.Ordinal);
        if (!notify)
        {
            foreach (var folder in watched.Where(f => !f.Equals("INBOX", StringComparison.OrdinalIgnoreCase)))
            {
                var stamp = await StampOneAsync(folder, cancellationToken);
                if ((_polled.TryGetValue(folder, out var before) || baseline.TryGetValue(folder, out before)) && before != stamp) changed.Add(folder);
                _polled[folder] = stamp;
            }
        }

        changed.IntersectWith(watched);
        return changed;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        metrics?.SessionClosed(ImapMetrics.WatcherPurpose);
        await ImapConnector.CloseAsync(client);
    }

    /// <summary>IDLE until <paramref name="wait"/> passes or a change arrives; NOOP after the wait where the server lacks IDLE.</summary>
    private async Task IdleAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var done = new CancellationTokenSource(wait);
        changes.EndWaitWith(done);
        try
        {
            if (client.Capabilities.HasFlag(ImapCapabilities.Idle))
            {
                await client.IdleAsync(done.Token, cancellationToken);
            }
            else
            {
                try
                {
                    await Task.Delay(wait, done.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }

                await Timed("NOOP", () => client.NoOpAsync(cancellationToken));
            }
        }
        finally
        {
            changes.EndWaitWith(null);
        }
    }

    private async Task<FolderStamp> StampOneAsync(string name, CancellationToken cancellationToken)
    {
        var folder = await client.GetFolderAsync(name, cancellationToken);
        return await ImapStamps.TakeAsync(client, folder, async (verb, call) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                return await call();
            }
            finally
            {
                metrics?.CommandCompleted(verb, Stopwatch.GetElapsedTime(started));
            }
        }, cancellationToken);
    }

    private async Task Timed(string verb, Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call();
        }
        finally
        {
            metrics?.CommandCompleted(verb, Stopwatch.GetElapsedTime(started));
        }
    }
}
