namespace Eas.Mail.Pim;

/// <summary>
/// One account's personal information store (contacts today; calendars and tasks later), whichever server keeps it:
/// folders of the user's own IMAP mailbox, or a CardDAV/CalDAV server. The sync engines talk only to this port, so
/// they never know which store they sync. Everything is async and cancellable. A store that cannot be reached
/// throws <see cref="PimStoreUnavailableException"/> (a retriable status for that collection only); a write whose
/// expected version is no longer current throws <see cref="PimConflictException"/>; a refused item (too big,
/// unparsable) throws <see cref="PimItemRejectedException"/>.
/// </summary>
public interface IPimStore : IAsyncDisposable
{
    /// <summary>Which adapter this is, for operators (<c>imap</c>, <c>carddav</c>).</summary>
    string Kind { get; }

    /// <summary>The account's collections of one kind; creates the default one (<see cref="PimCollection.IsDefault"/>) when the account has none.</summary>
    Task<IReadOnlyList<PimCollection>> ListCollectionsAsync(PimKind kind, CancellationToken cancellationToken);

    /// <summary>
    /// The account's collections of several kinds, kind by kind in the order given, creating each kind's default as
    /// <see cref="ListCollectionsAsync(PimKind, CancellationToken)"/> does. A store that can answer every kind from one
    /// listing (the IMAP store: one LIST) does so; by default it is one listing per kind.
    /// </summary>
    async Task<IReadOnlyList<PimCollection>> ListCollectionsOfKindsAsync(IReadOnlyList<PimKind> kinds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var collections = new List<PimCollection>();
        foreach (var kind in kinds)
            collections.AddRange(await ListCollectionsAsync(kind, cancellationToken).ConfigureAwait(false));
        return collections;
    }

    /// <summary>Creates a collection (a user-created contacts folder) under <paramref name="parentId"/> (null: the top).</summary>
    Task<PimCollection> CreateCollectionAsync(PimKind kind, string displayName, string? parentId, CancellationToken cancellationToken);

    Task RenameCollectionAsync(string collectionId, string displayName, CancellationToken cancellationToken);

    Task DeleteCollectionAsync(string collectionId, CancellationToken cancellationToken);

    /// <summary>
    /// The collection's current change token, cheaply (IMAP STATUS, a CardDAV sync-token or CTag): the change
    /// signal. A token different from the one a sync ended with means the collection may have changed.
    /// </summary>
    Task<string> GetTokenAsync(string collectionId, CancellationToken cancellationToken);

    /// <summary>
    /// What changed since <paramref name="sinceToken"/> (null or a token the store no longer accepts: a full listing,
    /// <see cref="PimChangeSet.IsFullListing"/>). The items are named by id and version only; read them with
    /// <see cref="GetAsync"/>.
    /// </summary>
    Task<PimChangeSet> GetChangesAsync(string collectionId, string? sinceToken, CancellationToken cancellationToken);

    /// <summary>The items' content; ids that no longer exist are left out of the answer.</summary>
    Task<IReadOnlyList<PimObject>> GetAsync(string collectionId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken);

    /// <summary>Stores a new item under <paramref name="itemId"/> (the caller's stable id, also the object's UID).</summary>
    Task<PimItemVersion> CreateAsync(string collectionId, string itemId, string content, CancellationToken cancellationToken);

    /// <summary>Replaces an item's content; with <paramref name="expectedVersion"/>, only if it is still that version.</summary>
    Task<PimItemVersion> UpdateAsync(string collectionId, string itemId, string content, string? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Removes an item; an item that is already gone is not an error.</summary>
    Task DeleteAsync(string collectionId, string itemId, string? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Moves an item to another collection of the same kind; its id stays, its version may change.</summary>
    Task<PimItemVersion> MoveAsync(string collectionId, string itemId, string destinationCollectionId, CancellationToken cancellationToken);
}

/// <summary>What a collection holds.</summary>
public enum PimKind
{
    Contacts,
    Calendar,
    Tasks,

    /// <summary>Notes (MS-ASNOTE), kept as iCalendar VJOURNAL objects.</summary>
    Notes,
}

/// <param name="Id">The store's stable id of the collection (an IMAP mailbox name, a DAV collection path).</param>
/// <param name="Kind">What it holds.</param>
/// <param name="DisplayName">What a phone shows.</param>
/// <param name="ParentId">The parent collection's id, or null at the top.</param>
/// <param name="IsDefault">The account's default collection of its kind (EAS type 9 for contacts, MS-ASCMD 2.2.3.186.3).</param>
public sealed record PimCollection(string Id, PimKind Kind, string DisplayName, string? ParentId, bool IsDefault);

/// <summary>An item's id and the version of its content (an IMAP UID, an HTTP ETag): a different version means different content.</summary>
public sealed record PimItemVersion(string ItemId, string Version);

/// <summary>An item with its content (a vCard, an iCalendar object).</summary>
public sealed record PimObject(string ItemId, string Version, string Content);

/// <param name="Token">The token to ask from next time.</param>
/// <param name="IsFullListing">True when <paramref name="Changed"/> is every item of the collection: anything not in it is gone.</param>
/// <param name="Changed">Items added or changed since the token (or all, in a full listing).</param>
/// <param name="Removed">Ids of items removed since the token (empty in a full listing).</param>
public sealed record PimChangeSet(string Token, bool IsFullListing, IReadOnlyList<PimItemVersion> Changed, IReadOnlyList<string> Removed);
