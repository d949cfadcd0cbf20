using System.Collections.Immutable;

namespace Eas.Actors.Licensing;

/// <summary>An account wants to use ActiveSync: take or confirm its slot; answered with a <see cref="LicenseClaim"/>.</summary>
public sealed record ClaimSlot(string AccountId);

/// <summary>
/// An admin disabled or re-enabled the account: free its slot and forget that the license turned it off;
/// answered with a <see cref="SlotReleaseResult"/>.
/// </summary>
public sealed record ReleaseSlot(string AccountId, string By);

/// <summary>Whether <see cref="ReleaseSlot"/> changed anything.</summary>
public sealed record SlotReleaseResult(bool Released);

/// <summary>The admin view of the license; answered with a <see cref="LicenseStatus"/>.</summary>
public sealed record GetLicenseStatus
{
    public static readonly GetLicenseStatus Instance = new();
}

/// <summary>The license as an admin sees it.</summary>
/// <param name="Source">Where the terms come from: <c>trial</c>, <c>configuration</c> or the license file's path.</param>
/// <param name="Licensed">How many accounts may hold a slot.</param>
/// <param name="Used">How many hold one now.</param>
/// <param name="IsTrial">Whether this is the trial (no license configured).</param>
/// <param name="FirstStart">When the deployment first started; the trial counts from here.</param>
/// <param name="TrialEnds">When the trial ends; null when licensed.</param>
/// <param name="TrialDaysLeft">Days left of the trial, to a tenth; null when licensed.</param>
/// <param name="Expired">True once the trial is over: ActiveSync is off for everyone.</param>
/// <param name="Holders">The accounts holding a slot, in the order they took it.</param>
/// <param name="TurnedOff">The accounts the license turned off, until an admin re-enables them.</param>
public sealed record LicenseStatus(
    string Source,
    int Licensed,
    int Used,
    bool IsTrial,
    DateTimeOffset? FirstStart,
    DateTimeOffset? TrialEnds,
    double? TrialDaysLeft,
    bool Expired,
    ImmutableList<SlotHolder> Holders,
    ImmutableList<TurnedOffAccount> TurnedOff)
{
    public int Free => Math.Max(0, Licensed - Used);
}
