namespace Eas.Mail.Imap.Fetch;

/// <summary>
/// A message's ENVELOPE (RFC 3501 section 7.4.2): the main header fields as the server parsed them. Text is
/// kept as the server sent it, read as UTF-8: RFC 2047 encoded words (<c>=?utf-8?q?J=C3=B6rg?=</c>) in
/// <see cref="Subject"/> and in address names are <em>not</em> decoded here; that is the MIME layer's work.
/// Absent fields are <see langword="null"/>; absent address lists are empty.
/// </summary>
/// <param name="Date">The Date header as written (RFC 5322 section 3.3), not parsed.</param>
/// <param name="Subject">The Subject header, unfolded by the server, encoded words left in place.</param>
/// <param name="From">From.</param>
/// <param name="Sender">Sender; servers fill in From when the header is absent.</param>
/// <param name="ReplyTo">Reply-To; servers fill in From when the header is absent.</param>
/// <param name="To">To.</param>
/// <param name="Cc">Cc.</param>
/// <param name="Bcc">Bcc.</param>
/// <param name="InReplyTo">The In-Reply-To header as written, e.g. <c>&lt;a@b&gt;</c>.</param>
/// <param name="MessageId">The Message-ID header as written, with its angle brackets.</param>
public sealed record ImapEnvelope(
    string? Date,
    string? Subject,
    IReadOnlyList<ImapAddress> From,
    IReadOnlyList<ImapAddress> Sender,
    IReadOnlyList<ImapAddress> ReplyTo,
    IReadOnlyList<ImapAddress> To,
    IReadOnlyList<ImapAddress> Cc,
    IReadOnlyList<ImapAddress> Bcc,
    string? InReplyTo,
    string? MessageId);

/// <summary>An entry of an ENVELOPE address list: a mailbox, or a group of mailboxes (RFC 5322 section 3.4).</summary>
public abstract record ImapAddress;

/// <summary>
/// One address structure (RFC 3501 section 7.4.2): display name, source route (obsolete, almost always
/// <see langword="null"/>), local part and domain. The name may hold RFC 2047 encoded words, not decoded here.
/// </summary>
public sealed record ImapMailboxAddress(string? Name, string? Route, string? Mailbox, string? Host) : ImapAddress
{
    /// <summary><c>mailbox@host</c>, or the bare mailbox when the server gave no host.</summary>
    public string Address => Host is null ? Mailbox ?? "" : $"{Mailbox}@{Host}";

    public override string ToString() => Name is null ? Address : $"{Name} <{Address}>";
}

/// <summary>
/// A group (<c>Friends: a@x, b@y;</c>): RFC 3501 marks its start with an address whose host is NIL and whose
/// mailbox is the group's name, and its end with an address whose mailbox and host are both NIL.
/// </summary>
public sealed record ImapGroupAddress(string Name, IReadOnlyList<ImapMailboxAddress> Members) : ImapAddress
{
    public override string ToString() => $"{Name}: {string.Join(", ", Members)};";
}
