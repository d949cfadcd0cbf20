using System.Text.Json.Serialization;
using Eas.Actors.Persistence.Audit;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Accounts;

/// <summary>An admin replaced what is set on the account; an entry of the audit log.</summary>
public sealed record AccountSettingsChanged(AccountState State, string By, DateTimeOffset At) : IAuditedEvent
{
    [JsonIgnore]
    public string Change => "account.settings";

    [JsonIgnore]
    public object Details => new { account = State.AccountId, @class = State.Settings.Class, features = State.Settings.Features };
}

/// <summary>The license answered the account's claim: whether it holds a slot, or is switched off by the license.</summary>
public sealed record AccountClaimAnswered(AccountState State, DateTimeOffset At) : IPersistedMessage;

/// <summary>An event of the account's record of its devices (<see cref="StaleDevices"/>).</summary>
public interface IAccountDeviceEvent : IPersistedMessage;

/// <summary>A device of the account sent a request at <paramref name="At"/> (recorded coarsely); <paramref name="DeviceId"/> lower-cased.</summary>
public sealed record AccountDeviceSeen(string DeviceId, DateTimeOffset At) : IAccountDeviceEvent;

/// <summary>
/// A device idle since <paramref name="LastSeen"/> was removed as abandoned: its journal (policy key, sync states)
/// is deleted, and it starts as a new device if it ever comes back. An entry of the audit log. An admin who removes a
/// partnership (<see cref="RemoveAccountDevice"/>) is named in <see cref="RemovedBy"/>; the server's own cleanup leaves it null.
/// </summary>
public sealed record AccountDeviceRemoved(string AccountId, string DeviceId, DateTimeOffset LastSeen, DateTimeOffset At) : IAccountDeviceEvent, IAuditedEvent
{
    /// <summary>The server's own housekeeping, not an admin.</summary>
    public const string Cleanup = "cleanup";

    /// <summary>The admin who removed the partnership; null for the cleanup of an idle device.</summary>
    public string? RemovedBy { get; init; }

    [JsonIgnore]
    public string By => RemovedBy ?? Cleanup;

    [JsonIgnore]
    public string Change => "device.removed";

    [JsonIgnore]
    public object Details => new { account = AccountId, device = DeviceId, lastSeen = LastSeen, reason = RemovedBy is null ? "idle" : "admin" };
}

/// <summary>The account's journal folded up.</summary>
public sealed record AccountSnapshot(AccountState State) : IPersistedMessage;

/// <summary>The manifests of the account journal. They are a contract with rows on disk: never change or reuse one.</summary>
public static class AccountManifests
{
    public static JsonManifestSetup WithAccountManifests(this JsonManifestSetup setup) => setup
        .With<AccountSettingsChanged>("account.settings-changed.v1")
        .With<AccountClaimAnswered>("account.claim-answered.v1")
        .With<AccountDeviceSeen>("account.device-seen.v1")
        .With<AccountDeviceRemoved>("account.device-removed.v1")
        .With<AccountSnapshot>("account.snapshot.v1");
}
