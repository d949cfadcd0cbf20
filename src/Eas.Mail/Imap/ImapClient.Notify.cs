using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Watching;

namespace Eas.Mail.Imap;

/// <summary>
/// NOTIFY (RFC 5465): one session hears about changes in every mailbox, not only the selected one.
/// </summary>
/// <remarks>
/// What Dovecot 2.3.19 does, as observed with a second session changing the mailboxes: it reports a change
/// about 0.5 s after it happens (a RENAME about 1.5 s after), as <c>* STATUS</c> for other mailboxes
/// (<see cref="ImapMailboxStatusChanged"/>) and <c>* LIST</c> for the hierarchy and subscriptions
/// (<see cref="ImapMailboxListChanged"/>). It sends them during IDLE and also unsolicited between commands, so
/// they may arrive with any command's responses; the client queues them as mailbox events, and
/// <see cref="IdleAsync"/> returns queued ones at once, so IDLE is the one way to wait for them either way.
/// Mailbox names in these responses come in UTF-8 rather than modified UTF-7; the client decodes both. Use a
/// session with NOTIFY set for watching: LIST on it may take notifications for its own results.
/// </remarks>
public sealed partial class ImapClient
{
    /// <summary>The NOTIFY spec in force in this session; null before NOTIFY SET, after NOTIFY NONE, after an overflow and after reconnecting.</summary>
    public ImapNotifySpec? ActiveNotification { get; private set; }

    /// <summary>
    /// NOTIFY SET (RFC 5465 section 3): replaces what the server reports unsolicited. With
    /// <see cref="ImapNotifySpec.Status"/> the server first sends each covered mailbox's status; these are
    /// returned by (decoded) name, which makes a baseline for the partial <see cref="ImapMailboxStatusChanged"/>
    /// that follow. Dovecot 2.3.19 reports MESSAGES, UIDNEXT, UIDVALIDITY and UNSEEN, plus HIGHESTMODSEQ when
    /// FlagChange is asked for, for every selectable mailbox but the selected one:
    /// <c>* STATUS Work (MESSAGES 0 UIDNEXT 1 UIDVALIDITY 1795265669 UNSEEN 0 HIGHESTMODSEQ 1)</c>. Where that
    /// HIGHESTMODSEQ turned mod-sequences on in a mailbox for the first time, Dovecot reports the mailbox again
    /// as changed about 0.5 s later; so does it for the special-use folders it creates on an account's first
    /// access (<c>* LIST () "/" Drafts</c>, then <c>* LIST (\Subscribed) "/" Drafts</c>).
    /// Requires the NOTIFY capability; a refusal (<c>NO [BADEVENT]</c>, <c>NO [NOTIFICATIONOVERFLOW]</c>)
    /// raises <see cref="ImapCommandException"/> and leaves <see cref="ActiveNotification"/> as it was.
    /// </summary>
    public Task<IReadOnlyDictionary<string, ImapMailboxStatus>> NotifySetAsync(ImapNotifySpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return RunAsync("NOTIFY", _options.CommandTimeout, async token =>
        {
            RequireLoggedIn("NOTIFY");
            RequireCapability("NOTIFY", "NOTIFY");
            var statuses = new Dictionary<string, ImapMailboxStatus>(StringComparer.Ordinal);
            await RunCommandAsync(spec.Build(Capabilities.LiteralMode), response =>
            {
                if (!spec.Status || response.Name != "STATUS") return false;
                var reported = NotifyResponseParser.Status(response);
                statuses[reported.Mailbox] = statuses.TryGetValue(reported.Mailbox, out var earlier) ? earlier.Apply(reported.Status) : reported.Status;
                return true;
            }, token).ConfigureAwait(false);
            ActiveNotification = spec;
            return (IReadOnlyDictionary<string, ImapMailboxStatus>)statuses;
        }, cancellationToken);
    }

    /// <summary>NOTIFY NONE (RFC 5465 section 3): the server stops sending what NOTIFY SET asked for.</summary>
    public Task NotifyNoneAsync(CancellationToken cancellationToken = default) =>
        RunAsync("NOTIFY", _options.CommandTimeout, async token =>
        {
            RequireLoggedIn("NOTIFY");
            RequireCapability("NOTIFY", "NOTIFY");
            await RunCommandAsync(Command("NOTIFY").Atom("NONE").Build(), null, token).ConfigureAwait(false);
            ActiveNotification = null;
        }, cancellationToken);
}
