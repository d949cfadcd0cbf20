namespace Eas.Mail.Imap.Fetch;

/// <summary>
/// What changed in a mailbox since a mod-sequence (RFC 7162 sections 3.1.4.1 and 3.2.6): the messages whose
/// flags changed or that arrived, and the UIDs expunged.
/// </summary>
/// <param name="Changed">Messages with a mod-sequence above the one given, with the items asked for, by UID.</param>
/// <param name="Vanished">
/// UIDs expunged since then (<c>VANISHED (EARLIER)</c>); <see langword="null"/> when the session has not enabled
/// QRESYNC, so expunges must be found by comparing UID lists. A server may include UIDs the client never saw.
/// </param>
public sealed record ImapFetchChanges(IReadOnlyList<FetchedMessage> Changed, UidSet? Vanished);
