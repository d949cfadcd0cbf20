using System.Collections.Immutable;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Sync.Collections;

namespace Eas.Actors.Devices;

/// <summary>The first event of a device's journal: whose it is, with the DeviceId in the case the phone sent.</summary>
public sealed record DeviceFirstSeen(DateTimeOffset At, string AccountId, string DeviceId) : IPersistedMessage;

/// <summary>A command left a folder's sync state at <paramref name="State"/> (MS-ASCMD 2.2.3.166.4: the new SyncKey and what it covers).</summary>
public sealed record CollectionStateChanged(string FolderId, CollectionSyncState State) : IPersistedMessage;

/// <summary>A device's journal folded up: its state and every folder's sync state.</summary>
public sealed record DeviceSnapshot(DeviceState? State, ImmutableDictionary<string, CollectionSyncState> Collections) : IPersistedMessage;

/// <summary>The manifests of the device journal. They are a contract with rows on disk: never change or reuse one.</summary>
public static class DeviceManifests
{
    public static JsonManifestSetup WithDeviceManifests(this JsonManifestSetup setup) => setup
        .With<DeviceFirstSeen>("device.first-seen.v1")
        .With<DeviceContacted>("device.contacted.v1")
        .With<PolicyKeyIssued>("device.policy-key-issued.v1")
        .With<PolicyAcknowledged>("device.policy-acknowledged.v1")
        .With<DeviceInformationRecorded>("device.information-recorded.v1")
        .With<HierarchySynced>("device.hierarchy-synced.v1")
        .With<PingParametersSet>("device.ping-parameters-set.v1")
        .With<MessageSent>("device.message-sent.v1")
        .With<CollectionStateChanged>("device.collection-state-changed.v1")
        .With<DeviceSnapshot>("device.snapshot.v1");
}
