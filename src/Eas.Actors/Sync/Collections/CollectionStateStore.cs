using System.Text.Json;
using Eas.Actors.Persistence;

namespace Eas.Actors.Sync.Collections;

/// <summary>Reads and writes <see cref="CollectionSyncState"/> under kind <c>collection</c>, id <c>account/device/folder</c>.</summary>
public sealed class CollectionStateStore(IStateStore store)
{
    public const string Kind = "collection";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(CollectionSyncState? State, long Version)> LoadAsync(string deviceEntityId, string folderId, CancellationToken cancellationToken = default)
    {
        var stored = await store.LoadAsync(Kind, Id(deviceEntityId, folderId), cancellationToken);
        return stored is null ? (null, 0) : (JsonSerializer.Deserialize<CollectionSyncState>(stored.Data, Json), stored.Version);
    }

    public Task<long> SaveAsync(string deviceEntityId, string folderId, CollectionSyncState state, long expectedVersion, CancellationToken cancellationToken = default) =>
        store.SaveAsync(Kind, Id(deviceEntityId, folderId), expectedVersion, JsonSerializer.SerializeToUtf8Bytes(state, Json), cancellationToken);

    private static string Id(string deviceEntityId, string folderId) => $"{deviceEntityId}/{folderId}";
}
