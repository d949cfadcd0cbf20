namespace Eas.Actors.Licensing;

/// <summary>The license's answer to an account that wants to use ActiveSync.</summary>
public abstract record LicenseClaim;

/// <summary>The account holds a slot; the grant holds until <paramref name="ValidUntil"/> (the trial's end, or forever).</summary>
public sealed record SlotHeld(DateTimeOffset ValidUntil) : LicenseClaim;

/// <summary>Every slot is taken by other accounts: the account is turned off.</summary>
public sealed record NoSlotFree : LicenseClaim;

/// <summary>The trial is over: nobody may use ActiveSync until a license is configured.</summary>
public sealed record LicenseExpired(DateTimeOffset At) : LicenseClaim;
