using Eas.Actors.Diagnostics;
using Eas.Mail.Imap;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Watching;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// <see cref="IMailWatcher"/> over a dedicated IMAP session. Where the server offers NOTIFY (RFC 5465) one
/// IDLE hears about every folder; otherwise IDLE covers INBOX and the other watched folders are polled with
/// STATUS every <see cref="PollInterval"/>, compared against their last stamps. <paramref name="metrics"/>, when given,
/// counted this session open and is told when it closes.
/// </summary>
internal sealed class ImapMailWatcher(ImapClient client, ImapChangeWatcher watcher, ImapMetrics? metrics) : IMailWatcher
{
    /// <summary>How often folders other than INBOX are polled when the server has no NOTIFY.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(60);

    private const ImapStatusItems StampItems = ImapStatusItems.UidValidity | ImapStatusItems.UidNext | ImapStatusItems.Messages | ImapStatusItems.HighestModSeq;
    private readonly Dictionary<string, FolderStamp> _polled = new(StringComparer.Ordinal);
    private int _closed;

    public async Task<IReadOnlyDictionary<string, FolderStamp>> StampAsync(IReadOnlyCollection<string> folders, CancellationToken cancellationToken)
    {
        var stamps = new Dictionary<string, FolderStamp>(StringComparer.Ordinal);
        foreach (var folder in folders) stamps[folder] = await StampOneAsync(folder, cancellationToken);
        foreach (var (folder, stamp) in stamps) _polled[folder] = stamp;
        return stamps;
    }

    public async Task<IReadOnlyCollection<string>> WaitForChangesAsync(
        IReadOnlyCollection<string> watched, IReadOnlyDictionary<string, FolderStamp> baseline, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var notify = watcher.Mode == ImapWatchMode.Notify;
        var wait = notify ? maxWait : TimeSpan.FromTicks(Math.Min(maxWait.Ticks, PollInterval.Ticks));
        var changed = new HashSet<string>(await watcher.WaitForChangesAsync(wait, cancellationToken), StringComparer.Ordinal);
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
        if (Interlocked.Exchange(ref _closed, 1) == 0) metrics?.SessionClosed(ImapMetrics.WatcherPurpose);
        try
        {
            await client.LogoutAsync(CancellationToken.None);
        }
        catch (ImapException)
        {
        }

        await client.DisposeAsync();
    }

    private async Task<FolderStamp> StampOneAsync(string folder, CancellationToken cancellationToken)
    {
        var status = await client.StatusAsync(folder, StampItems, cancellationToken);
        return new FolderStamp(status.UidValidity ?? 0, status.UidNext ?? 0, status.Messages ?? 0, status.HighestModSeq ?? 0);
    }
}

/// <summary>Opens watcher sessions: log in, start listening (NOTIFY or IDLE on INBOX).</summary>
public sealed class ImapMailWatcherFactory(ImapEndpoint endpoint, ImapClientOptions options) : IMailWatcherFactory
{
    /// <summary>Where open sessions and command durations are counted; nothing is when null.</summary>
    public ImapMetrics? Metrics { get; init; }

    public async Task<IMailWatcher> OpenAsync(MailCredentials credentials, CancellationToken cancellationToken)
    {
        var client = await ImapLogin.OpenAsync(endpoint, Metrics?.Observe(options) ?? options, credentials, cancellationToken);
        try
        {
            var watcher = new ImapChangeWatcher(client);
            await watcher.StartAsync(cancellationToken);
            Metrics?.SessionOpened(ImapMetrics.WatcherPurpose);
            return new ImapMailWatcher(client, watcher, Metrics);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }
}
