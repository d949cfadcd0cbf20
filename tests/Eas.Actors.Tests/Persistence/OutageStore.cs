using Eas.Actors.Persistence;

namespace Eas.Actors.Tests.Persistence;

/// <summary>
/// A store whose writes fail while <see cref="Down"/> is set, as a database outage would; with
/// <see cref="DownKind"/> only the writes of that entity kind fail.
/// </summary>
internal sealed class OutageStore(IStateStore inner) : IStateStore
{
    public bool Down { get; set; }

    public string? DownKind { get; set; }

    public Task<StoredState?> LoadAsync(string kind, string id, CancellationToken cancellationToken = default) => inner.LoadAsync(kind, id, cancellationToken);

    public Task<long> SaveAsync(string kind, string id, long expectedVersion, byte[] data, CancellationToken cancellationToken = default) =>
        Fails(kind) ? throw new StoreUnavailableException("The test made the store unavailable.") : inner.SaveAsync(kind, id, expectedVersion, data, cancellationToken);

    public Task DeleteAsync(string kind, string id, long expectedVersion, CancellationToken cancellationToken = default) => inner.DeleteAsync(kind, id, expectedVersion, cancellationToken);

    public Task<IReadOnlyList<string>> ListIdsAsync(string kind, string prefix, CancellationToken cancellationToken = default) => inner.ListIdsAsync(kind, prefix, cancellationToken);

    public Task<long> AppendEventAsync(string kind, string id, string eventType, byte[] data, string actor, DateTimeOffset timestamp, CancellationToken cancellationToken = default) =>
        Fails(kind) ? throw new StoreUnavailableException("The test made the store unavailable.") : inner.AppendEventAsync(kind, id, eventType, data, actor, timestamp, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(string kind, string id, long afterSequence = 0, int maxCount = 1000, CancellationToken cancellationToken = default) =>
        inner.ReadEventsAsync(kind, id, afterSequence, maxCount, cancellationToken);

    private bool Fails(string kind) => Down && (DownKind is null || DownKind == kind);
}
