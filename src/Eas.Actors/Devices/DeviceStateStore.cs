using Eas.Actors.Persistence;

namespace Eas.Actors.Devices;

/// <summary>Reads and writes <see cref="DeviceState"/> as JSON under kind <c>device</c>, keeping the version for optimistic writes.</summary>
public sealed class DeviceStateStore(IStateStore store)
{
    public const string Kind = "device";

    private readonly JsonEntityStore<DeviceState> _states = new(store, Kind);

    /// <summary>The state and its version; null at version 0 when the device was never saved.</summary>
    public Task<(DeviceState? State, long Version)> LoadAsync(string entityId, CancellationToken cancellationToken = default) =>
        _states.LoadAsync(entityId, cancellationToken);

    /// <summary>Writes the state if it is still at <paramref name="expectedVersion"/>; returns the new version.</summary>
    public Task<long> SaveAsync(string entityId, DeviceState state, long expectedVersion, CancellationToken cancellationToken = default) =>
        _states.SaveAsync(entityId, state, expectedVersion, cancellationToken);

    /// <summary>Every device of an account as last saved (last contact to <see cref="DeviceDecisions.ContactResolution"/>), by DeviceId.</summary>
    public async Task<IReadOnlyList<DeviceState>> ListAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var devices = new List<DeviceState>();
        foreach (var id in await _states.ListIdsAsync(EntityId(accountId, ""), cancellationToken))
        {
            if ((await LoadAsync(id, cancellationToken)).State is { } state) devices.Add(state);
        }

        return devices;
    }

    /// <summary>The entity id of a device: <c>account/deviceid</c>, lower-cased.</summary>
    public static string EntityId(string accountId, string deviceId) => $"{accountId}/{deviceId}".ToLowerInvariant();
}
