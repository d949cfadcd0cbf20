namespace Eas.Actors.Mailboxes.Pim;

/// <summary>
/// A collection no IMAP watcher can see (a CardDAV address book) is watched under a name of its own in a parked
/// request's folder list, <c>pim:</c> and the collection id, which never collides with an IMAP name the watcher
/// selects: the mailbox polls its change token (<see cref="Eas.Mail.Pim.IPimStore.GetTokenAsync"/>) every
/// <see cref="IPimStoreFactory.PollInterval"/> instead, and reports a change under that name, exactly as the
/// watcher reports an IMAP folder.
/// </summary>
public static class PimWatch
{
    private const string Prefix = "pim:";

    public static string NameOf(string collectionId) => Prefix + collectionId;

    /// <summary>The collection id of a watched name, or null for an IMAP folder's name.</summary>
    public static string? CollectionOf(string watchedName) =>
        watchedName.StartsWith(Prefix, StringComparison.Ordinal) ? watchedName[Prefix.Length..] : null;
}
