namespace Eas.Actors.Mailboxes;

/// <summary>How an account's mailbox hears of changes while a device has a Ping parked (<c>Eas:Push:Mode</c>).</summary>
public enum PushMode
{
    /// <summary>A watcher IMAP session per watched account (NOTIFY, else IDLE): works with any IMAP server.</summary>
    Imap,

    /// <summary>
    /// The mail server posts its changes to the server's webhook (Dovecot's push_notification plugin), which tells the
    /// mailbox <see cref="MailboxChangesReported"/>; no watcher session is opened, and a slow safety net re-stamps the
    /// watched folders so a lost post delays a push instead of losing it.
    /// </summary>
    Webhook,
}
