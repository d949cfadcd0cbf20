using Eas.Actors.Accounts;
using Eas.Actors.Devices;

namespace Eas.Host.Admin;

/// <summary>PUT /admin/api/service: either field may be left out to keep it.</summary>
public sealed record ServiceChangeRequest(bool? Enabled, FeatureSettings? Defaults);

/// <summary>
/// PUT /admin/api/accounts/{account}: what is set on the account, replacing what was set. A switch left out
/// or null inherits; <c>class</c> null means no class.
/// </summary>
public sealed record AccountChangeRequest(string? Class, bool? ActiveSync, bool? Email, bool? Contacts, bool? Pim)
{
    public FeatureSettings Features => new(ActiveSync, Email, Contacts, Pim);
}

/// <summary>GET /admin/api/service.</summary>
public sealed record ServiceView(bool Enabled, FeatureSettings Defaults);

/// <summary>
/// One device of an account in the admin view; <paramref name="Looping"/> says why it counts as looping, if it does;
/// <paramref name="BlockedUntil"/> is when its last refusal for changing its User-Agent too often ends (MS-ASHTTP 3.2.5.1.1): in force while in the future.
/// </summary>
public sealed record DeviceSummary(
    string DeviceId, string? DeviceType, string? ProtocolVersion, string? UserAgent, DateTimeOffset? FirstSeen, DateTimeOffset? LastContact, bool Provisioned,
    LoopReport? Looping = null, DateTimeOffset? BlockedUntil = null)
{
    /// <summary>The wipe an admin ordered, if any (MS-ASPROV 3.2.5.1.2).</summary>
    public WipeSummary? Wipe { get; init; }

    /// <summary>Whether a Ping (or Sync with Wait) of the phone is parked now, waiting for a change.</summary>
    public bool PingParked { get; init; }
    /// <summary>The account the device belongs to.</summary>
    public string? Account { get; init; }

    /// <summary>The device's access as last decided (allow, block, quarantine), where it came from and the rule; null before its first request under the rules.</summary>
    public Eas.Actors.Devices.Access.DeviceAccessVerdict? Access { get; init; }

    /// <summary>An admin's decision for this device (allow: approved, block: blocked), which overrides the rules.</summary>
    public Eas.Actors.Devices.Access.DeviceAccessLevel? Decision { get; init; }

    /// <summary>What the phone reported of itself (Settings DeviceInformation): model and OS, which rules can match.</summary>
    public string? Model { get; init; }

    public string? OperatingSystem { get; init; }
}

/// <summary>
/// A device's wipe in the admin view: <paramref name="State"/> is <c>pending</c> until the phone acknowledges, then
/// <c>acknowledged</c> with when and how (<paramref name="Status"/>: <c>Succeeded</c> or <c>Failed</c>, MS-ASPROV 2.2.2.54.3).
/// </summary>
public sealed record WipeSummary(string State, bool AccountOnly, DateTimeOffset RequestedAt, string RequestedBy, DateTimeOffset? AcknowledgedAt, string? Status)
{
    public const string Pending = "pending";
    public const string Acknowledged = "acknowledged";

    public static WipeSummary? Of(RemoteWipeState? wipe) => wipe is null
        ? null
        : new(wipe.Pending ? Pending : Acknowledged, wipe.AccountOnly, wipe.RequestedAt, wipe.RequestedBy, wipe.AcknowledgedAt, wipe.Status?.ToString());
}

/// <summary>POST /admin/api/accounts/{account}/devices/{deviceId}/wipe: <c>accountOnly</c> wipes only the account's data (16.1 devices).</summary>
public sealed record WipeRequest(bool AccountOnly);

/// <summary>One entry of the audit log.</summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset At, string By, string Change, System.Text.Json.JsonElement Details);

/// <summary>PUT /admin/api/access-rules/default: the access of devices no rule matches.</summary>
public sealed record DefaultAccessRequest(Eas.Actors.Devices.Access.DeviceAccessLevel Level);

/// <summary>GET /admin/api/accounts/{account}/policy: the policy in force for the account's devices, each setting with its level.</summary>
public sealed record AccountPolicyView(string Account, string? Class, string Fingerprint, System.Collections.Immutable.ImmutableSortedDictionary<string, Eas.Actors.Devices.Access.EffectivePolicySetting> Settings);
