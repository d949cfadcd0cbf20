namespace Eas.Mail.Pim;

/// <summary>
/// One account's PIM store made of two: contacts in one (a CardDAV server), calendars, tasks and notes in the other
/// (a CalDAV server), as the configured store <c>dav</c> is. Contacts collections keep the ids their store gives (so an
/// account moved from the <c>carddav</c> store keeps its contact folders); the other store's ids are prefixed with
/// <see cref="CalendarPrefix"/>, which holds a slash no CardDAV collection id can (RFC 3986 3.3: a path segment has
/// none), so every collection id names its store. The two stores are disposed with this one.
/// </summary>
public sealed class KindRoutedPimStore(string kind, IPimStore contacts, IPimStore calendars) : IPimStore
{
    /// <summary>What the ids of the calendars store's collections start with.</summary>
    public const string CalendarPrefix = "cal/";

    public string Kind { get; } = kind;

    public async Task<IReadOnlyList<PimCollection>> ListCollectionsAsync(PimKind kind, CancellationToken cancellationToken)
    {
        if (kind == PimKind.Contacts) return await contacts.ListCollectionsAsync(kind, cancellationToken).ConfigureAwait(false);
        var listed = await calendars.ListCollectionsAsync(kind, cancellationToken).ConfigureAwait(false);
        return [.. listed.Select(Outward)];
    }

    /// <summary>Contacts from the contacts store, the other kinds from the calendars store in one listing of its own.</summary>
    public async Task<IReadOnlyList<PimCollection>> ListCollectionsOfKindsAsync(IReadOnlyList<PimKind> kinds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var others = kinds.Where(k => k != PimKind.Contacts).ToList();
        var listed = new List<PimCollection>();
        if (kinds.Contains(PimKind.Contacts)) listed.AddRange(await contacts.ListCollectionsAsync(PimKind.Contacts, cancellationToken).ConfigureAwait(false));
        if (others.Count > 0) listed.AddRange((await calendars.ListCollectionsOfKindsAsync(others, cancellationToken).ConfigureAwait(false)).Select(Outward));
        return [.. kinds.SelectMany(kind => listed.Where(c => c.Kind == kind))];
    }

    public async Task<PimCollection> CreateCollectionAsync(PimKind kind, string displayName, string? parentId, CancellationToken cancellationToken)
    {
        if (kind == PimKind.Contacts) return await contacts.CreateCollectionAsync(kind, displayName, parentId, cancellationToken).ConfigureAwait(false);
        var parent = parentId is null ? null : Route(parentId).Id;
        return Outward(await calendars.CreateCollectionAsync(kind, displayName, parent, cancellationToken).ConfigureAwait(false));
    }

    public Task RenameCollectionAsync(string collectionId, string displayName, CancellationToken cancellationToken)
    {
        var (store, id) = Route(collectionId);
        return store.RenameCollectionAsync(id, displayName, cancellationToken);
    }

    public Task DeleteCollectionAsync(string collectionId, CancellationToken cancellationToken)
    {
        var (store, id) = Route(collectionId);
        return store.DeleteCollectionAsync(id, cancellationToken);
    }

    public Task<string> GetTokenAsync(string collectionId, CancellationToken cancellationToken)
    {
        var (store, id) = Route(collectionId);
        return store.GetTokenAsync(id, cancellationToken);
    }

    public Task<PimChangeSet> GetChangesAsync(string collectionId, string? sinceToken, CancellationToken cancellationToken)
    {
        var (store, id) = Route(collectionId);
        return store.GetChangesAsync(id, sinceToken, cancellationToken);
    }

    public Task<IReadOnlyList<PimObject>> GetAsync(string collectionId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken)
    {
        var (store, id) = Route(collectionId);
        return store.GetAsync(id, itemIds, cancellationToken);
    }

    public Task<PimItemVersion> CreateAsync(string collectionId, string itemId, string content, CancellationToken cancellationToken)
    {
        var (store, id) = Route(collectionId);
        return store.CreateAsync(id, itemId, content, cancellationToken);
    }

    public Task<PimItemVersion> UpdateAsync(string collectionId, string itemId, string content, string? expectedVersion, CancellationToken cancellationToken)
    {
        var (store, id) = Route(collectionId);
        return store.UpdateAsync(id, itemId, content, expectedVersion, cancellationToken);
    }

    public Task DeleteAsync(string collectionId, string itemId, string? expectedVersion, CancellationToken cancellationToken)
    {
        var (store, id) = Route(collectionId);
        return store.DeleteAsync(id, itemId, expectedVersion, cancellationToken);
    }

    /// <summary>Moves within one store; collections of one kind always live in the same store.</summary>
    public Task<PimItemVersion> MoveAsync(string collectionId, string itemId, string destinationCollectionId, CancellationToken cancellationToken)
    {
        var (store, id) = Route(collectionId);
        var (destinationStore, destination) = Route(destinationCollectionId);
        if (!ReferenceEquals(store, destinationStore))
            throw new PimItemRejectedException(itemId, "the two collections hold different kinds of items.");
        return store.MoveAsync(id, itemId, destination, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await contacts.DisposeAsync().ConfigureAwait(false);
        await calendars.DisposeAsync().ConfigureAwait(false);
    }

    private static PimCollection Outward(PimCollection collection) => collection with
    {
        Id = CalendarPrefix + collection.Id,
        ParentId = collection.ParentId is null ? null : CalendarPrefix + collection.ParentId,
    };

    private (IPimStore Store, string Id) Route(string collectionId) =>
        collectionId.StartsWith(CalendarPrefix, StringComparison.Ordinal)
            ? (calendars, collectionId[CalendarPrefix.Length..])
            : (contacts, collectionId);
}
