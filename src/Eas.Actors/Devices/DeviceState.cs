using System.Collections.Immutable;

namespace Eas.Actors.Devices;

/// <summary>
/// Everything the server remembers about one phone of one account: its contract with the server. It is
/// persisted before any response that reports a change to it leaves (MS-ASPROV: a policy key handed out is
/// a policy key the server must recognise after a restart).
/// </summary>
public sealed record DeviceState
{
    public required string AccountId { get; init; }

    /// <summary>The DeviceId as the phone sends it (MS-ASHTTP 2.2.1.1.1.2.3); the entity key is its lower-cased form.</summary>
    public required string DeviceId { get; init; }

    public string? DeviceType { get; init; }

    /// <summary>The protocol version of the phone's latest request, e.g. <c>14.1</c>.</summary>
    public string? ProtocolVersion { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>When the device changed its User-Agent (<see cref="UserAgentRules"/>), newest last, bounded.</summary>
    public ImmutableList<DateTimeOffset> UserAgentChanges { get; init; } = [];

    /// <summary>Until when the device is refused for changing its User-Agent too often (MS-ASHTTP 3.2.5.1.1).</summary>
    public DateTimeOffset? UserAgentBlockedUntil { get; init; }

    /// <summary>The policy key the phone acknowledged (MS-ASPROV 3.1.5.1 phase 2); null until provisioned.</summary>
    public uint? PolicyKey { get; init; }

    /// <summary>The policy that <see cref="PolicyKey"/> stands for; a different current policy makes the key stale.</summary>
    public string? PolicyFingerprint { get; init; }

    /// <summary>The temporary key handed out with the policy in phase 1, awaiting acknowledgement.</summary>
    public uint? PendingPolicyKey { get; init; }

    public string? PendingPolicyFingerprint { get; init; }

    /// <summary>The temporary key behind <see cref="PolicyKey"/>: an acknowledgement resent with it gets the same final key.</summary>
    public uint? AcknowledgedTemporaryKey { get; init; }

    /// <summary>How the phone said it applied the policy (MS-ASPROV 2.2.2.54.1: 1 applied, 2 partly, 3 not, 4 managed elsewhere).</summary>
    public int? PolicyApplyStatus { get; init; }

    public DateTimeOffset? ProvisionedAt { get; init; }

    public DeviceInformation? Information { get; init; }

    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>Policy keys issued so far, newest last, bounded; kept so an audit can follow a device's history.</summary>
    public ImmutableList<uint> IssuedKeys { get; init; } = [];

    /// <summary>The keys of the messages this device sent last (ClientId, or <c>mid:</c> and the Message-ID), newest last, bounded.</summary>
    public ImmutableList<string> SentMessages { get; init; } = [];

    /// <summary>The folder hierarchy as this device knows it; null before its first FolderSync.</summary>
    public Sync.Hierarchy.HierarchySyncState? Hierarchy { get; init; }

    /// <summary>The last accepted Ping's heartbeat and folders, reused by a Ping that leaves them out.</summary>
    public PingParameters? Ping { get; init; }

    /// <summary>The wipe an admin ordered (MS-ASPROV 3.2.5.1.2): pending, or acknowledged with its time and status; null when none.</summary>
    public RemoteWipeState? RemoteWipe { get; init; }

    /// <summary>An admin's decision for this device (Allow: approved, Block: blocked); it overrides every rule. Null: the rules decide.</summary>
    public Access.DeviceAccessLevel? AccessDecision { get; init; }

    /// <summary>The device's access as last decided on a request, with where it came from (admin views: the quarantined list).</summary>
    public Access.DeviceAccessVerdict? Access { get; init; }

    /// <summary>When the quarantine notice was put in the account's Inbox; it is sent once per device, never again.</summary>
    public DateTimeOffset? QuarantineNoticeAt { get; init; }

    /// <summary>When the admins were mailed that this device is quarantined (<c>Eas:Devices:Quarantine:NotifyAddresses</c>); once per device.</summary>
    public DateTimeOffset? QuarantineAdminNoticeAt { get; init; }

    public static DeviceState New(string accountId, string deviceId) => new() { AccountId = accountId, DeviceId = deviceId };
}
