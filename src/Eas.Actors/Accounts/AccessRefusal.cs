namespace Eas.Actors.Accounts;

/// <summary>Why an account may not use ActiveSync now; logged with the refused request.</summary>
public enum AccessRefusal
{
    /// <summary>The service-wide switch is off.</summary>
    ServiceDisabled,

    /// <summary>The account's domain defaults switch it off.</summary>
    DisabledForDomain,

    /// <summary>The account's class switches it off.</summary>
    DisabledForClass,

    /// <summary>The service's account defaults switch it off.</summary>
    DisabledByServiceDefaults,

    /// <summary>An admin switched the account off.</summary>
    DisabledForAccount,

    /// <summary>The license turned the account off: every slot was taken when it first connected.</summary>
    NoLicenseSlot,

    /// <summary>The trial is over.</summary>
    LicenseExpired,
}
