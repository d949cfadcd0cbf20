using System.Text.Json.Serialization;
using Eas.Actors.Persistence.Audit;

namespace Eas.Actors.Licensing;

/// <summary>
/// What happened to the license: applied to <see cref="LicenseState"/>, persisted in the license's stream
/// (<see cref="Persistence.PersistenceIds.License"/>) and, being <see cref="IAuditedEvent"/>s, read back as
/// the audit log's <c>license.*</c> entries. Manifests: <see cref="LicenseManifests"/>.
/// </summary>
/// <param name="By">Who decided: <see cref="OwnDecision"/> for grants, turn-offs and the first start, the admin's name for a release.</param>
/// <param name="At">When.</param>
public abstract record LicenseEvent(string By, DateTimeOffset At) : IAuditedEvent
{
    /// <summary>The <see cref="By"/> of the license's own decisions.</summary>
    public const string OwnDecision = "license";

    /// <summary>The audit log's name of the change; not stored (derived from the type).</summary>
    [JsonIgnore]
    public string Change => this switch
    {
        LicenseFirstStarted => "license.first_start",
        SlotGranted => "license.slot_granted",
        AccountTurnedOff => "license.account_turned_off",
        SlotReleased => "license.slot_released",
        _ => throw new InvalidOperationException($"{GetType().Name} has no audit name."),
    };

    /// <summary>The event itself is the audit entry's details.</summary>
    [JsonIgnore]
    public object Details => this;
}

/// <summary>The deployment started for the first time: the trial, if any, counts from here.</summary>
public sealed record LicenseFirstStarted(DateTimeOffset At) : LicenseEvent(OwnDecision, At);

/// <summary>An account took a free slot.</summary>
public sealed record SlotGranted(string AccountId, DateTimeOffset At) : LicenseEvent(OwnDecision, At);

/// <summary>An account found no free slot and was turned off.</summary>
public sealed record AccountTurnedOff(string AccountId, DateTimeOffset At) : LicenseEvent(OwnDecision, At);

/// <summary>An admin (<paramref name="By"/>) disabled or re-enabled the account: its slot, if any, is free and it is no longer listed as turned off.</summary>
public sealed record SlotReleased(string AccountId, string By, DateTimeOffset At) : LicenseEvent(By, At);
