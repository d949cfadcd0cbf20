using Eas.Actors.Licensing;

namespace Eas.Actors.Accounts;

/// <summary>An account's rules, pure: whether it is refused before the license is asked, what a license answer does to it, and what an admin's change does.</summary>
public static class AccountDecisions
{
    /// <summary>The refusal the effective settings give on their own, before any license question; null when ActiveSync is on.</summary>
    public static AccessRefusal? RefusalOf(EffectiveFeatures features) => features.ActiveSync switch
    {
        { Value: true } => null,
        { Source: SettingSource.ServiceSwitch } => AccessRefusal.ServiceDisabled,
        { Source: SettingSource.Domain } => AccessRefusal.DisabledForDomain,
        { Source: SettingSource.Class } => AccessRefusal.DisabledForClass,
        { Source: SettingSource.License } => AccessRefusal.NoLicenseSlot,
        { Source: SettingSource.Account } => AccessRefusal.DisabledForAccount,
        _ => AccessRefusal.DisabledByServiceDefaults,
    };

    /// <summary>
    /// The account after the license answered its claim: a held slot is remembered (with the first use); no free
    /// slot sets ActiveSync explicitly off, marked as the license's doing; an expired trial changes nothing.
    /// </summary>
    public static (AccountState State, AccessRefusal? Refusal) AfterClaim(AccountState state, LicenseClaim claim, DateTimeOffset now) => claim switch
    {
        SlotHeld => (state with { HoldsSlot = true, FirstSeen = state.FirstSeen ?? now }, null),
        NoSlotFree => (state with
        {
            HoldsSlot = false,
            FirstSeen = state.FirstSeen ?? now,
            Settings = state.Settings with { Features = state.Settings.Features with { ActiveSync = false }, DisabledByLicense = true },
        }, AccessRefusal.NoLicenseSlot),
        LicenseExpired => (state, AccessRefusal.LicenseExpired),
        _ => throw new ArgumentOutOfRangeException(nameof(claim), claim.GetType().Name, "Unknown license answer."),
    };

    /// <summary>
    /// An admin's change: it replaces what is set on the account. Switching ActiveSync off explicitly frees
    /// the account's slot; re-enabling an account the license turned off clears that mark. In both cases the
    /// license must be told (<c>Release</c> is true). A change that leaves a license-disabled account off (a
    /// new class, another sub-option) keeps it the license's doing.
    /// </summary>
    public static (AccountState State, bool Release) Change(AccountState state, string? accountClass, FeatureSettings features)
    {
        var disabling = features.ActiveSync == false;
        var stillLicenseOff = disabling && state.Settings.DisabledByLicense;
        var release = !stillLicenseOff && (disabling ? state.HoldsSlot || state.Settings.DisabledByLicense : state.Settings.DisabledByLicense);
        var settings = new AccountSettings
        {
            Class = accountClass?.Trim().ToLowerInvariant() is { Length: > 0 } c ? c : null,
            Features = features,
            DisabledByLicense = stillLicenseOff,
        };
        return (state with { Settings = settings, HoldsSlot = state.HoldsSlot && !disabling }, release);
    }
}
