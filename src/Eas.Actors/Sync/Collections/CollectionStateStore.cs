using Eas.Actors.Persistence;

namespace Eas.Actors.Sync.Collections;

/// <summary>Reads and writes <see cref="CollectionSyncState"/> under kind <c>collection</c>, id <c>account/device/folder</c>.</summary>
public sealed class CollectionStateStore(IStateStore store)
{
    public const string Kind = "collection";

    private readonly JsonEntityStore<CollectionSyncState> _states = new(store, Kind);

    public Task<(CollectionSyncState? State, long Version)> LoadAsync(string deviceEntityId, string folderId, CancellationToken cancellationToken = default) =>
        _states.LoadAsync(Id(deviceEntityId, folderId), cancellationToken);

    public Task<long> SaveAsync(string deviceEntityId, string folderId, CollectionSyncState state, long expectedVersion, CancellationToken cancellationToken = default) =>
        _states.SaveAsync(Id(deviceEntityId, folderId), state, expectedVersion, cancellationToken);

    private static string Id(string deviceEntityId, string folderId) => $"{deviceEntityId}/{folderId}";
}
