using Eas.Mail.Pim;

namespace Eas.Actors.Mailboxes.Imap.Pim;

/// <summary>Which IMAP folders hold PIM data rather than mail, so the email hierarchy leaves them out.</summary>
public static class ImapPimFolders
{
    /// <summary>True for a kind's top folder (<see cref="ImapPimOptions.RootOf"/>) and every folder below it.</summary>
    public static bool IsPimFolder(string imapName, char? delimiter, ImapPimOptions options) => KindOf(imapName, delimiter, options) is not null;

    /// <summary>
    /// The kind whose top folder is <paramref name="imapName"/> or holds it, or null. IMAP mailbox names compare
    /// case-sensitively (RFC 3501 5.1; only INBOX is case-insensitive). With nested roots the deepest one wins.
    /// </summary>
    public static PimKind? KindOf(string imapName, char? delimiter, ImapPimOptions options)
    {
        ArgumentNullException.ThrowIfNull(imapName);
        ArgumentNullException.ThrowIfNull(options);
        PimKind? found = null;
        var depth = -1;
        foreach (var (kind, root) in options.Roots)
        {
            if (root.Length > depth && IsAtOrBelow(imapName, root, delimiter))
            {
                found = kind;
                depth = root.Length;
            }
        }

        return found;
    }

    /// <summary>Whether a folder is one of the kinds' top folders.</summary>
    public static bool IsRoot(string imapName, ImapPimOptions options) => options.Roots.Any(r => r.Root == imapName);

    private static bool IsAtOrBelow(string imapName, string root, char? delimiter) =>
        imapName.Equals(root, StringComparison.Ordinal)
        || (delimiter is { } d && imapName.Length > root.Length + 1 && imapName.StartsWith(root, StringComparison.Ordinal) && imapName[root.Length] == d);
}
