using Eas.Mail.Imap.Fetch;

namespace Eas.Mail.Imap.Mailboxes;

/// <summary>
/// A change that the server reported on its own, during whatever command was running: to the selected mailbox
/// (RFC 3501 section 7: EXISTS, EXPUNGE, FETCH; RFC 7162 section 3.2.10: VANISHED) or, while NOTIFY is set
/// (<see cref="ImapClient.NotifySetAsync"/>), to any watched mailbox (<see cref="ImapMailboxStatusChanged"/>,
/// <see cref="ImapMailboxListChanged"/>, <see cref="ImapNotificationOverflow"/>). The client queues them in
/// order; read them with <see cref="ImapClient.TakeMailboxEvents"/>, or wait for them with
/// <see cref="ImapClient.IdleAsync"/>. Changes this client made itself (an EXPUNGE, a MOVE, a STORE without
/// .SILENT on other messages) are reported here too, since the server does.
/// </summary>
/// <param name="Mailbox">
/// The mailbox the change concerns (decoded): the one selected when the change was reported for EXISTS,
/// EXPUNGE, VANISHED and FETCH, the one named by the server for NOTIFY's STATUS and LIST, and empty for
/// <see cref="ImapNotificationOverflow"/>, which concerns them all.
/// </param>
public abstract record ImapMailboxEvent(string Mailbox);

/// <summary>The mailbox now holds <paramref name="Exists"/> messages (<c>* n EXISTS</c>); new mail when it grew.</summary>
public sealed record ImapMessageCountChanged(string Mailbox, uint Exists) : ImapMailboxEvent(Mailbox);

/// <summary>
/// The message with this sequence number was expunged (<c>* n EXPUNGE</c>); later numbers shift down by one.
/// Without QRESYNC the server names no UID: enable QRESYNC to receive <see cref="ImapMessagesVanished"/> instead.
/// </summary>
public sealed record ImapMessageExpunged(string Mailbox, uint SequenceNumber) : ImapMailboxEvent(Mailbox);

/// <summary>These UIDs were expunged (<c>* VANISHED uids</c>, RFC 7162 section 3.2.10), reported with QRESYNC.</summary>
public sealed record ImapMessagesVanished(string Mailbox, UidSet Uids, bool Earlier) : ImapMailboxEvent(Mailbox);

/// <summary>A message's flags or mod-sequence changed (an unsolicited FETCH); with QRESYNC it carries the UID.</summary>
public sealed record ImapMessageChanged(string Mailbox, FetchedMessage Message) : ImapMailboxEvent(Mailbox);

/// <summary>
/// The queue was full (<see cref="ImapClientOptions.MaxPendingMailboxEvents"/>) and <paramref name="Count"/>
/// events were dropped: the caller no longer knows what changed and must resynchronise the mailbox.
/// </summary>
public sealed record ImapMailboxEventsDropped(string Mailbox, long Count) : ImapMailboxEvent(Mailbox);
