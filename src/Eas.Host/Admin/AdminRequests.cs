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
    LoopReport? Looping = null, DateTimeOffset? BlockedUntil = null);

/// <summary>One entry of the audit log.</summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset At, string By, string Change, System.Text.Json.JsonElement Details);
