namespace Eas.Actors.Mailboxes.Imap.Pim;

/// <summary>Where the IMAP-folder PIM store keeps its data in the account's mailbox.</summary>
/// <param name="ContactsFolder">
/// The default contacts folder's full IMAP name (created when missing); user-created contact folders live below it.
/// </param>
public sealed record ImapPimOptions(string ContactsFolder = "Contacts")
{
    /// <summary>The defaults: a top-level <c>Contacts</c> folder.</summary>
    public static ImapPimOptions Default { get; } = new();
}
