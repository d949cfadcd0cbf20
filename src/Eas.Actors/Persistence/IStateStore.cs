namespace Eas.Actors.Persistence;

/// <summary>
/// Durable, versioned state per entity (<c>kind</c> + <c>id</c>) plus an append-only audit log. Every method
/// returns only once its write is durable: the state is the contract with the phone, and a response that
/// reports a change must never leave before the change is on disk.
/// <para>
/// Optimistic concurrency: a save names the version it was decided from, and fails with
/// <see cref="VersionConflictException"/> if another writer saved since, so two writers (two incarnations,
/// two nodes) can never silently overwrite each other. Transient failures surface as
/// <see cref="StoreUnavailableException"/>.
/// </para>
/// </summary>
public interface IStateStore
{
    /// <summary>The current state, or null when the entity has never been saved (or was deleted).</summary>
    Task<StoredState?> LoadAsync(string kind, string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the state if it is still at <paramref name="expectedVersion"/> (0: it must not exist yet) and
    /// returns the new version.
    /// </summary>
    Task<long> SaveAsync(string kind, string id, long expectedVersion, byte[] data, CancellationToken cancellationToken = default);

    /// <summary>Deletes the state if it is still at <paramref name="expectedVersion"/>; its audit events stay.</summary>
    Task DeleteAsync(string kind, string id, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>The ids of one kind starting with <paramref name="prefix"/> (case-sensitive), in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListIdsAsync(string kind, string prefix, CancellationToken cancellationToken = default);

    /// <summary>Appends an audit event and returns its sequence number.</summary>
    Task<long> AppendEventAsync(
        string kind,
        string id,
        string eventType,
        byte[] data,
        string actor,
        DateTimeOffset timestamp,
        CancellationToken cancellationToken = default);

    /// <summary>Events of one entity with a sequence above <paramref name="afterSequence"/>, oldest first, at most <paramref name="maxCount"/>.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(
        string kind,
        string id,
        long afterSequence = 0,
        int maxCount = 1000,
        CancellationToken cancellationToken = default);
}
