using System.Text.Json.Serialization;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Devices;

/// <summary>What happened to a device; produced by <see cref="DeviceDecisions"/>, folded in by <see cref="DeviceState"/> appliers.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(DeviceContacted), "contacted")]
[JsonDerivedType(typeof(PolicyKeyIssued), "policy-key-issued")]
[JsonDerivedType(typeof(PolicyAcknowledged), "policy-acknowledged")]
[JsonDerivedType(typeof(DeviceInformationRecorded), "device-information-recorded")]
[JsonDerivedType(typeof(HierarchySynced), "hierarchy-synced")]
[JsonDerivedType(typeof(PingParametersSet), "ping-parameters-set")]
[JsonDerivedType(typeof(MessageSent), "message-sent")]
[JsonDerivedType(typeof(UserAgentBlocked), "user-agent-blocked")]
[JsonDerivedType(typeof(RemoteWipeRequested), "remote-wipe-requested")]
[JsonDerivedType(typeof(RemoteWipeCancelled), "remote-wipe-cancelled")]
[JsonDerivedType(typeof(RemoteWipeAcknowledged), "remote-wipe-acknowledged")]
[JsonDerivedType(typeof(DeviceAccessDecided), "device-access-decided")]
[JsonDerivedType(typeof(DeviceAccessChanged), "device-access-changed")]
[JsonDerivedType(typeof(QuarantineNoticeDelivered), "quarantine-notice-delivered")]
[JsonDerivedType(typeof(QuarantineAdminNotified), "quarantine-admin-notified")]
public abstract record DeviceEvent(DateTimeOffset At) : IPersistedMessage;

/// <summary>A request arrived; records the phone's type, protocol version and user agent.</summary>
public sealed record DeviceContacted(DateTimeOffset At, string DeviceType, string ProtocolVersion, string? UserAgent) : DeviceEvent(At);

/// <summary>Phase 1 of provisioning: the policy and a temporary key were sent (MS-ASPROV 3.2.5.1.1).</summary>
public sealed record PolicyKeyIssued(DateTimeOffset At, uint TemporaryKey, string PolicyFingerprint) : DeviceEvent(At);

/// <summary>Phase 2: the phone acknowledged the temporary key and got its final key (MS-ASPROV 3.2.5.1.2).</summary>
public sealed record PolicyAcknowledged(DateTimeOffset At, uint FinalKey, int ApplyStatus) : DeviceEvent(At);

/// <summary>The phone described itself (Settings DeviceInformation Set, or DeviceInformation in Provision from 14.1).</summary>
public sealed record DeviceInformationRecorded(DateTimeOffset At, DeviceInformation Information) : DeviceEvent(At);

/// <summary>A FolderSync answered with a new hierarchy state (MS-ASCMD 2.2.1.5).</summary>
public sealed record HierarchySynced(DateTimeOffset At, Sync.Hierarchy.HierarchySyncState State) : DeviceEvent(At);

/// <summary>A Ping was accepted with these parameters; later Pings may leave them out (MS-ASCMD 2.2.3.88.1).</summary>
public sealed record PingParametersSet(DateTimeOffset At, PingParameters Parameters) : DeviceEvent(At);

/// <summary>A message was submitted; its ClientId (or the phone's Message-ID before 14.0) is kept to refuse a resend (MS-ASCMD 2.2.3.28.1).</summary>
public sealed record MessageSent(DateTimeOffset At, string Key) : DeviceEvent(At);

/// <summary>
/// The device changed its User-Agent more often than allowed and is refused until <paramref name="Until"/>
/// (MS-ASHTTP 3.2.5.1.1); <paramref name="Changes"/> counts the changes within the window, this one included.
/// </summary>
public sealed record UserAgentBlocked(DateTimeOffset At, DateTimeOffset Until, int Changes) : DeviceEvent(At);

/// <summary>
/// An admin (<paramref name="By"/>) ordered a wipe of the device (MS-ASPROV 3.2.5.1.2), of the whole device or, with
/// <paramref name="AccountOnly"/>, of this account's data only (AccountOnlyRemoteWipe, MS-ASPROV 2.2.2.1).
/// </summary>
public sealed record RemoteWipeRequested(DateTimeOffset At, bool AccountOnly, string By) : DeviceEvent(At);

/// <summary>An admin cancelled the wipe before the phone acknowledged it.</summary>
public sealed record RemoteWipeCancelled(DateTimeOffset At, string By) : DeviceEvent(At);

/// <summary>The phone acknowledged the wipe directive with <paramref name="Status"/> (MS-ASPROV 3.2.5.1.2.2, 2.2.2.54.3).</summary>
public sealed record RemoteWipeAcknowledged(DateTimeOffset At, Wire.Commands.Provision.RemoteWipeAcknowledgement Status) : DeviceEvent(At);

/// <summary>An admin (<paramref name="By"/>) approved (Allow) or blocked (Block) the device; null hands it back to the rules.</summary>
public sealed record DeviceAccessDecided(DateTimeOffset At, Access.DeviceAccessLevel? Level, string By) : DeviceEvent(At);

/// <summary>A request found the device's access different from the last one recorded (a rule, the default or an admin decided).</summary>
public sealed record DeviceAccessChanged(DateTimeOffset At, Access.DeviceAccessVerdict Verdict) : DeviceEvent(At);

/// <summary>The quarantine notice was appended to the account's Inbox.</summary>
public sealed record QuarantineNoticeDelivered(DateTimeOffset At) : DeviceEvent(At);

/// <summary>The admins were mailed that the device is quarantined, once per device (a restart does not send it again).</summary>
public sealed record QuarantineAdminNotified(DateTimeOffset At) : DeviceEvent(At);
