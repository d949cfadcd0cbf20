using System.Text.Json;

namespace Eas.Actors.Persistence;

/// <summary>Reads and writes one kind of entity state as JSON, keeping the version for optimistic writes.</summary>
public sealed class JsonEntityStore<T>(IStateStore store, string kind) where T : class
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind { get; } = kind;

    /// <summary>The state and its version; null at version 0 when it was never saved.</summary>
    public async Task<(T? State, long Version)> LoadAsync(string id, CancellationToken cancellationToken = default)
    {
        var stored = await store.LoadAsync(Kind, id, cancellationToken);
        if (stored is null) return (null, 0);
        var state = JsonSerializer.Deserialize<T>(stored.Data, Json) ?? throw new InvalidDataException($"State {Kind}/{id} is empty.");
        return (state, stored.Version);
    }

    /// <summary>Writes the state if it is still at <paramref name="expectedVersion"/>; returns the new version.</summary>
    public Task<long> SaveAsync(string id, T state, long expectedVersion, CancellationToken cancellationToken = default) =>
        store.SaveAsync(Kind, id, expectedVersion, JsonSerializer.SerializeToUtf8Bytes(state, Json), cancellationToken);

    /// <summary>The ids saved under this kind that start with <paramref name="prefix"/>.</summary>
    public Task<IReadOnlyList<string>> ListIdsAsync(string prefix, CancellationToken cancellationToken = default) =>
        store.ListIdsAsync(Kind, prefix, cancellationToken);
}
