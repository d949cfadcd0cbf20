namespace Eas.Actors.Licensing;

/// <summary>What happened to the license; applied to <see cref="LicenseState"/> and recorded in the audit log.</summary>
public abstract record LicenseEvent(DateTimeOffset At);

/// <summary>The deployment started for the first time: the trial, if any, counts from here.</summary>
public sealed record LicenseFirstStarted(DateTimeOffset At) : LicenseEvent(At);

/// <summary>An account took a free slot.</summary>
public sealed record SlotGranted(string AccountId, DateTimeOffset At) : LicenseEvent(At);

/// <summary>An account found no free slot and was turned off.</summary>
public sealed record AccountTurnedOff(string AccountId, DateTimeOffset At) : LicenseEvent(At);

/// <summary>An admin disabled or re-enabled the account: its slot, if any, is free and it is no longer listed as turned off.</summary>
public sealed record SlotReleased(string AccountId, DateTimeOffset At) : LicenseEvent(At);
