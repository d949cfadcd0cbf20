using Eas.Mail.Imap.Mailboxes;

namespace Eas.Mail.Imap.Watching;

/// <summary>
/// Answers "which mailboxes changed?" over a connected, logged-in <see cref="ImapClient"/> that it uses but
/// does not own (it never connects, logs out or disposes it). Where the server offers NOTIFY it watches every
/// personal mailbox (<see cref="ImapWatchMode.Notify"/>); otherwise it IDLEs on INBOX
/// (<see cref="ImapWatchMode.IdleInbox"/>) and reports INBOX only: polling the other mailboxes is then the
/// caller's job. Both need IDLE. The client stays usable for commands between waits (STATUS, for example).
/// </summary>
/// <remarks>
/// Not thread-safe, like the client: one wait at a time. Against Dovecot 2.3.19 a change is reported about 0.5 s
/// after it happens (a rename about 1.5 s). The first wait after NOTIFY SET may name mailboxes that did not
/// change: Dovecot reports the special-use folders it creates on an account's first access, and every mailbox
/// in which its STATUS reply turned mod-sequences on for the first time. Reporting more than changed is
/// harmless, as callers compare states anyway.
/// </remarks>
public sealed class ImapChangeWatcher
{
    private const string Inbox = "INBOX";

    private readonly ImapClient _client;
    private readonly SortedSet<string> _changed = new(StringComparer.Ordinal);
    private bool _started;
    private bool _resyncAll;
    private bool _renotify;

    /// <param name="client">A connected, logged-in client, used by this watcher only while it waits.</param>
    /// <param name="mode">Forces a mode; by default NOTIFY where the server offers it, else IDLE on INBOX.</param>
    public ImapChangeWatcher(ImapClient client, ImapWatchMode? mode = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        Mode = mode ?? (client.Capabilities.Contains("NOTIFY") ? ImapWatchMode.Notify : ImapWatchMode.IdleInbox);
    }

    public ImapWatchMode Mode { get; }

    /// <summary>
    /// Starts watching: NOTIFY SET for every personal mailbox and the selected one
    /// (<see cref="ImapNotifySpec.PersonalMailboxes"/>; Dovecot is silent about a selected mailbox that has no
    /// group of its own), or EXAMINE INBOX (read-only, so that the watcher leaves \Recent to the user's own
    /// clients). Changes from now on are reported by <see cref="WaitForChangesAsync"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The server lacks IDLE, or NOTIFY in <see cref="ImapWatchMode.Notify"/>.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (!_client.Capabilities.Contains("IDLE"))
            throw new InvalidOperationException("The IMAP server does not offer IDLE, which the watcher needs (RFC 2177).");
        if (Mode == ImapWatchMode.Notify)
        {
            await _client.NotifySetAsync(ImapNotifySpec.PersonalMailboxes(includeSelected: true), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _client.ExamineAsync(Inbox, null, cancellationToken).ConfigureAwait(false);
        }

        _client.TakeMailboxEvents();
        _started = true;
    }

    /// <summary>
    /// Waits up to <paramref name="maxIdle"/> (at most <see cref="ImapClient.MaxIdleDuration"/>) for changes and
    /// returns the (decoded) names of the mailboxes that changed, in ordinal order; empty when nothing changed in
    /// time. Names of created, deleted and renamed mailboxes (old and new names) are included. After a NOTIFY
    /// overflow or a full event queue the watcher cannot tell what changed, so it lists the hierarchy and reports
    /// every mailbox (and sets NOTIFY again). In <see cref="ImapWatchMode.IdleInbox"/> only <c>INBOX</c> is ever
    /// reported.
    /// </summary>
    /// <remarks>
    /// Cancellation ends IDLE cleanly and throws <see cref="OperationCanceledException"/>; changes seen up to
    /// then are kept and returned by the next call at once. Connection failures surface as the client's
    /// exceptions (<see cref="ImapProtocolException"/>, <see cref="ImapStoreUnavailableException"/>); the
    /// client is then disconnected, and the caller reconnects and makes a new watcher.
    /// </remarks>
    public async Task<IReadOnlyCollection<string>> WaitForChangesAsync(TimeSpan maxIdle, CancellationToken cancellationToken = default)
    {
        if (!_started) throw new InvalidOperationException("Call StartAsync before waiting for changes.");
        if (_changed.Count == 0 && !_resyncAll)
        {
            if (Mode == ImapWatchMode.IdleInbox && !string.Equals(_client.Selected?.Name, Inbox, StringComparison.OrdinalIgnoreCase))
                await _client.ExamineAsync(Inbox, null, cancellationToken).ConfigureAwait(false);
            var result = await _client.IdleAsync(null, maxIdle, cancellationToken).ConfigureAwait(false);
            foreach (var change in result.Events) Note(change);
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (_resyncAll) await ResyncAllAsync(cancellationToken).ConfigureAwait(false);
        var changed = _changed.ToArray();
        _changed.Clear();
        return changed;
    }

    private void Note(ImapMailboxEvent change)
    {
        switch (change)
        {
            case ImapNotificationOverflow:
                _resyncAll = true;
                _renotify = true;
                break;
            case ImapMailboxEventsDropped when Mode == ImapWatchMode.Notify:
                _resyncAll = true;
                break;
            case ImapMailboxListChanged { OldName: { } oldName } renamed:
                _changed.Add(oldName);
                _changed.Add(renamed.Mailbox);
                break;
            default:
                _changed.Add(Mode == ImapWatchMode.IdleInbox ? Inbox : change.Mailbox);
                break;
        }
    }

    private async Task ResyncAllAsync(CancellationToken cancellationToken)
    {
        if (_renotify && Mode == ImapWatchMode.Notify)
        {
            await _client.NotifySetAsync(ImapNotifySpec.PersonalMailboxes(includeSelected: true), cancellationToken).ConfigureAwait(false);
            _renotify = false;
        }

        var mailboxes = await _client.ListAsync("*", ImapStatusItems.None, cancellationToken).ConfigureAwait(false);
        foreach (var mailbox in mailboxes.Where(mailbox => mailbox.IsSelectable)) _changed.Add(mailbox.Name);
        _resyncAll = false;
    }
}
