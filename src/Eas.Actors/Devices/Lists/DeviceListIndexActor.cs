using Akka.Actor;
using Akka.Persistence;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Devices.Lists;

/// <summary>
/// The index behind the admin's quarantined and wipe-pending lists, one per deployment: a cluster singleton reached
/// through its proxy, recovering from the journal stream <see cref="PersistenceIds.DeviceLists"/>. Each device tells
/// it (<see cref="NoteDeviceLists"/>) after a change that moves it into, within or out of a list, once that change is
/// in the device's own journal; listing then reads only this actor, so no device actor is started for it (before
/// the index, every device of the deployment was asked). A note that changes nothing writes nothing.
/// </summary>
public sealed class DeviceListIndexActor : ReceivePersistentActor
{
    /// <summary>The singleton's name (and the name of the supervised actor under it).</summary>
    public const string Name = "device-lists";

    private readonly DeviceListIndexSettings _settings;
    private readonly SnapshotPolicy _snapshots;
    private DeviceListState _state = DeviceListState.Empty;

    public DeviceListIndexActor(DeviceListIndexSettings settings)
    {
        _settings = settings;
        _snapshots = new SnapshotPolicy(settings.SnapshotEvery);
        Recover<SnapshotOffer>(offer => _state = (DeviceListState)offer.Snapshot);
        Recover<DeviceListed>(e => _state = DeviceListRules.Apply(_state, e));
        Recover<DeviceUnlisted>(e => _state = DeviceListRules.Apply(_state, e));
        Command<GetDeviceLists>(_ => Sender.Tell(new DeviceListsReply([.. _state.Devices.Values])));
        Command<NoteDeviceLists>(Note);
        Command<object>(message => _snapshots.Handle(this, message));
    }

    public override string PersistenceId => PersistenceIds.DeviceLists;

    /// <summary>The props the singleton manager runs: the actor restarted after a journal failure (<see cref="Cluster.RestartingSingleton"/>).</summary>
    public static Props SingletonProps(DeviceListIndexSettings settings) =>
        Cluster.RestartingSingleton.Props(Props.Create(() => new DeviceListIndexActor(settings)), Name, "device list index");

    private void Note(NoteDeviceLists note)
    {
        if (DeviceListRules.Decide(_state, note, _settings.Clock.GetUtcNow()) is not { } e) return;
        Persist(e, written =>
        {
            _state = DeviceListRules.Apply(_state, written);
            _snapshots.AfterPersist(this, _state);
        });
    }
}
