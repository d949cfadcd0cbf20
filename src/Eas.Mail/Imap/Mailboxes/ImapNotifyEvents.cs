namespace Eas.Mail.Imap.Mailboxes;

/// <summary>
/// A mailbox other than the selected one changed (<c>* STATUS name (...)</c>, RFC 5465 sections 5.1 to 5.3):
/// messages arrived or were expunged, or flags changed. Only while NOTIFY with the STATUS-producing events
/// is set.
/// </summary>
/// <remarks>
/// Dovecot 2.3.19 sends only the items that changed, about 0.5 s after the change: after an APPEND
/// <c>(MESSAGES 1 UIDNEXT 2 UNSEEN 1 HIGHESTMODSEQ 2)</c>, after a flag change <c>(UNSEEN 0 HIGHESTMODSEQ 3)</c>,
/// after an expunge <c>(MESSAGES 0 UIDNEXT 2 UNSEEN 0 HIGHESTMODSEQ 5)</c>; items not sent are null in
/// <see cref="Status"/>, so merge it into what is known with <see cref="ImapMailboxStatus.Apply"/>.
/// Dovecot includes HIGHESTMODSEQ when FlagChange is asked for, and sends no STATUS for the selected mailbox.
/// </remarks>
/// <param name="Mailbox">The mailbox's name, decoded (see <see cref="ImapMailboxListChanged"/> on Dovecot's UTF-8 names).</param>
/// <param name="Status">The items the server sent; the others are null.</param>
public sealed record ImapMailboxStatusChanged(string Mailbox, ImapMailboxStatus Status) : ImapMailboxEvent(Mailbox);

/// <summary>
/// The mailbox hierarchy or subscriptions changed (<c>* LIST</c>, RFC 5465 sections 5.4 and 5.5); only while
/// NOTIFY with <c>MailboxName</c> or <c>SubscriptionChange</c> is set. A LIST that is neither
/// <see cref="IsDeleted"/> nor <see cref="IsRenamed"/> reports a created mailbox or a changed subscription
/// (with or without <c>\Subscribed</c>), which IMAP does not tell apart: re-list the hierarchy.
/// </summary>
/// <remarks>
/// What Dovecot 2.3.19 sends, about 0.5 s after CREATE and DELETE and about 1.5 s after RENAME:
/// <c>* LIST () "/" Projects</c> (created), <c>* LIST () "/" Renamed ("OLDNAME" (Projects))</c> (renamed; a
/// rename into a new parent adds <c>* LIST () "/" Parent</c>), <c>* LIST (\NonExistent) "/" Projects</c>
/// (deleted), <c>* LIST (\Subscribed) "/" Work</c> (subscribed). It writes non-ASCII names as UTF-8 literals
/// (<c>{6}</c> then <c>Ärger</c>) instead of modified UTF-7, although it lists them in modified UTF-7; a name
/// that is not valid modified UTF-7 is therefore taken as UTF-8. Right after the first NOTIFY SET of a new
/// account it also reports the special-use folders it creates on first access, and their subscriptions.
/// </remarks>
/// <param name="Listed">The mailbox as listed: its (new) name, delimiter and attributes.</param>
/// <param name="OldName">The name before a rename (the <c>OLDNAME</c> extended item), decoded; otherwise null.</param>
public sealed record ImapMailboxListChanged(ImapMailbox Listed, string? OldName) : ImapMailboxEvent(Listed.Name)
{
    /// <summary>The mailbox no longer exists (<c>\NonExistent</c>).</summary>
    public bool IsDeleted => Listed.Attributes.Contains(ImapMailboxAttributes.NonExistent);

    /// <summary>The mailbox was renamed from <see cref="OldName"/>.</summary>
    public bool IsRenamed => OldName is not null;
}

/// <summary>
/// The server could not keep up and dropped notifications (<c>* OK [NOTIFICATIONOVERFLOW]</c>, RFC 5465
/// section 5.8); it then behaves as after NOTIFY NONE. The caller no longer knows what changed: resynchronise
/// every mailbox and set NOTIFY again.
/// </summary>
/// <param name="Text">The server's human-readable text.</param>
public sealed record ImapNotificationOverflow(string Text) : ImapMailboxEvent("");
