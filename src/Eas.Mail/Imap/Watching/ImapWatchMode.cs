namespace Eas.Mail.Imap.Watching;

/// <summary>How an <see cref="ImapChangeWatcher"/> learns of changes.</summary>
public enum ImapWatchMode
{
    /// <summary>NOTIFY (RFC 5465) for every personal mailbox, waited for with IDLE and no mailbox selected.</summary>
    Notify,

    /// <summary>IDLE (RFC 2177) on INBOX only; the caller polls the other mailboxes (e.g. with STATUS).</summary>
    IdleInbox,
}
