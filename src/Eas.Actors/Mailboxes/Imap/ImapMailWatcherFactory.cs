using System.Diagnostics;
using Eas.Actors.Diagnostics;
using MailKit;
using MailKit.Net.Imap;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>Opens watcher sessions: sign in, then start listening (NOTIFY for every personal mailbox, else EXAMINE INBOX for IDLE).</summary>
public sealed class ImapMailWatcherFactory(ImapServer server) : IMailWatcherFactory
{
    /// <summary>Where open sessions and command durations are counted; nothing is when null.</summary>
    public ImapMetrics? Metrics { get; init; }

    public async Task<IMailWatcher> OpenAsync(MailCredentials credentials, CancellationToken cancellationToken)
    {
        var client = await ImapConnector.OpenAsync(server, credentials, Metrics, cancellationToken);
        try
        {
            var changes = new ImapChangeLog();
            var notify = client.Capabilities.HasFlag(ImapCapabilities.Notify);
            if (notify) await ListenToAllAsync(client, changes, cancellationToken);
            else await ListenToInboxAsync(client, changes, cancellationToken);
            Metrics?.SessionOpened(ImapMetrics.WatcherPurpose);
            return new ImapMailWatcher(client, notify, changes, Metrics);
        }
        catch (Exception e)
        {
            await ImapConnector.CloseAsync(client);
            if (ImapFailures.AsUnavailable(e, "starting to watch") is { } unavailable) throw unavailable;
            throw;
        }
    }

    /// <summary>
    /// Lists the folders (so MailKit knows them when their STATUS arrives), EXAMINEs INBOX (MailKit's IDLE needs a
    /// selected folder) and sets NOTIFY: MessageNew, MessageExpunge and FlagChange for the selected folder, the same
    /// with STATUS for the personal namespace, and MailboxName (RFC 5465 5.2, 5.4, 6). Dovecot is silent about a
    /// selected folder that has no group of its own.
    /// </summary>
    private async Task ListenToAllAsync(SpoolingImapClient client, ImapChangeLog changes, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var folders = await client.GetFoldersAsync(client.PersonalNamespaces[0], StatusItems.None, subscribedOnly: false, cancellationToken);
        Metrics?.CommandCompleted("LIST", Stopwatch.GetElapsedTime(started));
        foreach (var folder in folders) changes.Follow(folder);
        changes.FollowCreations(client);
        started = Stopwatch.GetTimestamp();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        Metrics?.CommandCompleted("EXAMINE", Stopwatch.GetElapsedTime(started));
        var selected = new ImapEventGroup(ImapMailboxFilter.Selected, new ImapEvent.MessageNew(), ImapEvent.MessageExpunge, ImapEvent.FlagChange);
        var personal = new ImapEventGroup(ImapMailboxFilter.Personal, new ImapEvent.MessageNew(), ImapEvent.MessageExpunge, ImapEvent.FlagChange, ImapEvent.MailboxName);
        started = Stopwatch.GetTimestamp();
        await client.NotifyAsync(status: true, [selected, personal], cancellationToken);
        Metrics?.CommandCompleted("NOTIFY", Stopwatch.GetElapsedTime(started));
        changes.Clear();
    }

    private async Task ListenToInboxAsync(SpoolingImapClient client, ImapChangeLog changes, CancellationToken cancellationToken)
    {
        changes.Follow(client.Inbox);
        var started = Stopwatch.GetTimestamp();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        Metrics?.CommandCompleted("EXAMINE", Stopwatch.GetElapsedTime(started));
        changes.Clear();
    }
}
