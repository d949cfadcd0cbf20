using Akka.Actor;

namespace Eas.Actors.Devices.Lists;

/// <summary>The way to the deployment's one <see cref="DeviceListIndexActor"/> (its singleton proxy).</summary>
public sealed class DeviceListIndex(IActorRef index, TimeSpan deadline)
{
    /// <summary>Tells the index a device's state after a change that concerns the lists (see <see cref="DeviceListRules.MustNote"/>).</summary>
    public void Note(string accountId, string deviceId, DeviceState? device) =>
        index.Tell(new NoteDeviceLists(accountId, deviceId, device), ActorRefs.NoSender);

    /// <summary>Every listed device as it last reported, by account and DeviceId; no device actor is asked.</summary>
    public async Task<IReadOnlyList<DeviceState>> ReadAsync(CancellationToken cancellationToken = default) =>
        (await index.Ask<DeviceListsReply>(GetDeviceLists.Instance, deadline, cancellationToken)).Devices;
}
