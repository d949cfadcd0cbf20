using System.Collections.Immutable;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Licensing;

/// <summary>
/// The license's durable record: when the deployment first started (the trial counts from there), the
/// accounts holding a slot in the order they took it, and the accounts the license turned off because no
/// slot was free. Account ids are lower-cased, so they compare case-insensitively. It is also the license's
/// snapshot (manifest <see cref="LicenseManifests.State"/>).
/// </summary>
public sealed record LicenseState : IPersistedMessage
{
    public DateTimeOffset? FirstStart { get; init; }

    public ImmutableList<SlotHolder> Holders { get; init; } = [];

    public ImmutableList<TurnedOffAccount> TurnedOff { get; init; } = [];

    public static readonly LicenseState Empty = new();
}

/// <summary>An account holding a license slot since <paramref name="Since"/>.</summary>
public sealed record SlotHolder(string AccountId, DateTimeOffset Since);

/// <summary>An account the license turned off at <paramref name="At"/> because every slot was taken.</summary>
public sealed record TurnedOffAccount(string AccountId, DateTimeOffset At);
