using System.Collections.Frozen;

namespace Eas.Mail.Imap.Mailboxes;

/// <summary>
/// A mailbox as LIST reported it (RFC 3501 section 7.2.2, RFC 5258 section 3): its name, hierarchy delimiter,
/// attributes (RFC 5258 section 3.4, RFC 6154 section 2 special uses), and, where asked, its status
/// (RFC 5819). Commands of <see cref="ImapClient"/> take <see cref="Name"/>; the client encodes it.
/// </summary>
/// <param name="Name">
/// The full name decoded from modified UTF-7 (RFC 3501 section 5.1.3), e.g. <c>Archiv/Entwürfe</c>. A name the
/// server sent in invalid modified UTF-7 is kept as sent, and then addresses nothing reliably.
/// </param>
/// <param name="EncodedName">The name as it travels on the wire.</param>
/// <param name="Delimiter">The hierarchy delimiter; <see langword="null"/> for a flat namespace (NIL).</param>
/// <param name="Attributes">The name attributes such as <c>\HasChildren</c>, <c>\Sent</c>; compared case-insensitively.</param>
public sealed record ImapMailbox(string Name, string EncodedName, char? Delimiter, IReadOnlySet<string> Attributes)
{
    /// <summary>STATUS data from LIST-STATUS (or from STATUS commands where the server lacks it).</summary>
    public ImapMailboxStatus? Status { get; init; }

    /// <summary>The RFC 8474 MAILBOXID: stable across renames; only from servers offering OBJECTID.</summary>
    public string? MailboxId => Status?.MailboxId;

    /// <summary>Whether the mailbox can be selected: neither <c>\Noselect</c> nor <c>\NonExistent</c> (RFC 5258 section 3.4).</summary>
    public bool IsSelectable =>
        !Attributes.Contains(ImapMailboxAttributes.NoSelect) && !Attributes.Contains(ImapMailboxAttributes.NonExistent);

    /// <summary>The special use (RFC 6154 section 2) the server gives the mailbox, if any; INBOX is recognised by name.</summary>
    public ImapSpecialUse SpecialUse =>
        Name.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? ImapSpecialUse.Inbox
        : Attributes.Contains(ImapMailboxAttributes.Drafts) ? ImapSpecialUse.Drafts
        : Attributes.Contains(ImapMailboxAttributes.Sent) ? ImapSpecialUse.Sent
        : Attributes.Contains(ImapMailboxAttributes.Trash) ? ImapSpecialUse.Trash
        : Attributes.Contains(ImapMailboxAttributes.Junk) ? ImapSpecialUse.Junk
        : Attributes.Contains(ImapMailboxAttributes.Archive) ? ImapSpecialUse.Archive
        : Attributes.Contains(ImapMailboxAttributes.All) ? ImapSpecialUse.All
        : Attributes.Contains(ImapMailboxAttributes.Flagged) ? ImapSpecialUse.Flagged
        : ImapSpecialUse.None;

    /// <summary>The parent's full name, or <see langword="null"/> at the top of the hierarchy.</summary>
    public string? ParentName =>
        Delimiter is { } delimiter && Name.LastIndexOf(delimiter) is > 0 and var last ? Name[..last] : null;

    /// <summary>The last level of the name, e.g. <c>Entwürfe</c> for <c>Archiv/Entwürfe</c>.</summary>
    public string LeafName =>
        Delimiter is { } delimiter && Name.LastIndexOf(delimiter) is > 0 and var last ? Name[(last + 1)..] : Name;

    internal static IReadOnlySet<string> AttributeSet(IEnumerable<string> attributes) =>
        attributes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}

/// <summary>What a mailbox is for, as RFC 6154 special-use attributes say (plus INBOX, by name).</summary>
public enum ImapSpecialUse
{
    None,
    Inbox,
    Drafts,
    Sent,
    Trash,
    Junk,
    Archive,

    /// <summary>A virtual mailbox of all messages (<c>\All</c>).</summary>
    All,

    /// <summary>A virtual mailbox of flagged messages (<c>\Flagged</c>).</summary>
    Flagged,
}

/// <summary>Mailbox name attributes of RFC 3501 section 7.2.2, RFC 5258 section 3.4 and RFC 6154 section 2.</summary>
public static class ImapMailboxAttributes
{
    public const string NoInferiors = @"\Noinferiors";
    public const string NoSelect = @"\Noselect";
    public const string Marked = @"\Marked";
    public const string Unmarked = @"\Unmarked";
    public const string NonExistent = @"\NonExistent";
    public const string Subscribed = @"\Subscribed";
    public const string Remote = @"\Remote";
    public const string HasChildren = @"\HasChildren";
    public const string HasNoChildren = @"\HasNoChildren";
    public const string All = @"\All";
    public const string Archive = @"\Archive";
    public const string Drafts = @"\Drafts";
    public const string Flagged = @"\Flagged";
    public const string Junk = @"\Junk";
    public const string Sent = @"\Sent";
    public const string Trash = @"\Trash";
}
