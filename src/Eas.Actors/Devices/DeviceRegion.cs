using Eas.Actors.Kernel;

namespace Eas.Actors.Devices;

/// <summary>The device entities of this node, addressed by account and DeviceId.</summary>
public sealed class DeviceRegion(EntityRegion region)
{
    public const string Kind = DeviceStateStore.Kind;

    /// <summary>Devices alive in memory now.</summary>
    public int Count => region.Count;

    /// <summary>The one ask of a request: run the command on its device, within <paramref name="deadline"/>.</summary>
    public Task<CommandOutcome> ExecuteAsync(DeviceRequest request, TimeSpan deadline, CancellationToken cancellationToken) =>
        region.Ask<CommandOutcome>(
            DeviceStateStore.EntityId(request.AccountId, request.Line.DeviceId),
            reply => new ExecuteDeviceCommand(request, reply),
            deadline,
            cancellationToken);

    /// <summary>The device's state as its actor holds it; null when never seen.</summary>
    public Task<DeviceState?> GetStateAsync(string accountId, string deviceId, TimeSpan deadline, CancellationToken cancellationToken = default) =>
        region.Ask<DeviceState?>(DeviceStateStore.EntityId(accountId, deviceId), reply => new GetDeviceState(reply), deadline, cancellationToken);
}
