namespace Eas.Actors.Mailboxes;

/// <summary>What a folder is for, from its IMAP SPECIAL-USE attribute (RFC 6154) or, for INBOX, its name.</summary>
public enum FolderUse
{
    None,
    Inbox,
    Drafts,
    Sent,
    Trash,
    Junk,
    Archive,
    Outbox,
}

/// <summary>One IMAP mailbox as the folder hierarchy needs it.</summary>
/// <param name="Name">The full mailbox name, decoded from modified UTF-7 (<c>Work/Projects</c>).</param>
/// <param name="Delimiter">The hierarchy delimiter, or null for a flat namespace.</param>
/// <param name="Use">Its special use.</param>
/// <param name="UidValidity">Its UIDVALIDITY: equal values across a rename identify the same folder.</param>
/// <param name="Selectable">False for \Noselect containers, which hold no messages.</param>
public sealed record MailFolder(string Name, char? Delimiter, FolderUse Use, uint UidValidity, bool Selectable = true)
{
    /// <summary>The server's immutable mailbox id (RFC 8474 MAILBOXID) where it offers one; null otherwise.</summary>
    public string? MailboxId { get; init; }

    /// <summary>The last segment of the name: what a phone shows.</summary>
    public string DisplayName => Delimiter is { } d && Name.LastIndexOf(d) is var i and >= 0 ? Name[(i + 1)..] : Name;

    /// <summary>The parent's full name, or null at the top.</summary>
    public string? ParentName => Delimiter is { } d && Name.LastIndexOf(d) is var i and > 0 ? Name[..i] : null;
}
