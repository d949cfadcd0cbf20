namespace Eas.Actors.Mailboxes.Imap.Pim;

/// <summary>Which IMAP folders hold PIM data rather than mail, so the email hierarchy leaves them out.</summary>
public static class ImapPimFolders
{
    /// <summary>
    /// True for the contacts folder (<see cref="ImapPimOptions.ContactsFolder"/>) and every folder below it.
    /// IMAP mailbox names compare case-sensitively (RFC 3501 5.1; only INBOX is case-insensitive).
    /// </summary>
    public static bool IsPimFolder(string imapName, char? delimiter, ImapPimOptions options)
    {
        ArgumentNullException.ThrowIfNull(imapName);
        ArgumentNullException.ThrowIfNull(options);
        var root = options.ContactsFolder;
        if (imapName.Equals(root, StringComparison.Ordinal)) return true;
        return delimiter is { } d && imapName.Length > root.Length + 1 && imapName.StartsWith(root, StringComparison.Ordinal) && imapName[root.Length] == d;
    }
}
