using System.Collections.Immutable;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Sync.Collections;

namespace Eas.Actors.Devices;

/// <summary>The first event of a device's journal: whose it is, with the DeviceId in the case the phone sent.</summary>
public sealed record DeviceFirstSeen(DateTimeOffset At, string AccountId, string DeviceId) : IPersistedMessage;

/// <summary>
/// A command left a folder's sync state at <paramref name="State"/> (MS-ASCMD 2.2.3.166.4: the new SyncKey and
/// what it covers), written whole: the first state of an epoch (SyncKey 0) or of a UIDVALIDITY. Journals written
/// before <see cref="CollectionStateAdvanced"/> existed hold one of these for every window.
/// </summary>
public sealed record CollectionStateChanged(string FolderId, CollectionSyncState State) : IPersistedMessage;

/// <summary>
/// A command moved a folder's sync state on within its epoch: only what changed since the state before it in
/// the journal (a <see cref="CollectionStateChanged"/>, another of these, or the snapshot's), so a Sync window
/// costs the journal what the window holds rather than the whole folder.
/// </summary>
public sealed record CollectionStateAdvanced(string FolderId, CollectionStateDelta Delta) : IPersistedMessage;

/// <summary>A device's journal folded up: its state and every folder's sync state, whole.</summary>
public sealed record DeviceSnapshot(DeviceState? State, ImmutableDictionary<string, CollectionSyncState> Collections) : IPersistedMessage
{
    /// <summary>The PIM collections' sync states (contacts), whole; empty in snapshots written before contacts sync.</summary>
    public ImmutableDictionary<string, Sync.Pim.PimSyncState> PimCollections { get; init; } = ImmutableDictionary<string, Sync.Pim.PimSyncState>.Empty;
}

/// <summary>A command left a PIM collection's sync state at <paramref name="State"/>, written whole: the first state of an epoch (SyncKey 0).</summary>
public sealed record PimStateChanged(string FolderId, Sync.Pim.PimSyncState State) : IPersistedMessage;

/// <summary>A command moved a PIM collection's sync state on within its epoch: only what changed (a window's entries).</summary>
public sealed record PimStateAdvanced(string FolderId, Sync.Pim.PimStateDelta Delta) : IPersistedMessage;

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
        .With<UserAgentBlocked>("device.user-agent-blocked.v1")
        .With<RemoteWipeRequested>("device.remote-wipe-requested.v1")
        .With<RemoteWipeCancelled>("device.remote-wipe-cancelled.v1")
        .With<RemoteWipeAcknowledged>("device.remote-wipe-acknowledged.v1")
        .With<DeviceAccessDecided>("device.access-decided.v1")
        .With<DeviceAccessChanged>("device.access-changed.v1")
        .With<QuarantineNoticeDelivered>("device.quarantine-notice-delivered.v1")
        .With<QuarantineAdminNotified>("device.quarantine-admin-notified.v1")
        .With<CollectionStateChanged>("device.collection-state-changed.v1")
        .With<CollectionStateAdvanced>("device.collection-state-advanced.v1")
        .With<DeviceSnapshot>("device.snapshot.v1")
        .With<PimStateChanged>("device.pim-state-changed.v1")
        .With<PimStateAdvanced>("device.pim-state-advanced.v1");
}
