namespace Eas.Actors.Accounts;

/// <summary>
/// A request of the account is about to run: may it, and with which data classes? Answered with <see cref="AccountAccess"/>.
/// <paramref name="DeviceId"/> names the device sending it, so the account keeps track of its devices (<see cref="StaleDevices"/>).
/// </summary>
public sealed record AdmitAccount(string? DeviceId = null) : Cluster.IRoutedToChild
{
    public static readonly AdmitAccount Instance = new();
}

/// <summary>The admin view of the account; answered with <see cref="AccountView"/>.</summary>
public sealed record GetAccount : Cluster.IRoutedToChild
{
    public static readonly GetAccount Instance = new();
}

/// <summary>An admin replaces what is set on the account (null switches inherit); answered with the new <see cref="AccountView"/>.</summary>
public sealed record ChangeAccount(string? Class, FeatureSettings Features, string By) : Cluster.IRoutedToChild;

/// <summary>The answer to <see cref="AdmitAccount"/>: the effective features, and why it is refused, if it is.</summary>
public sealed record AccountAccess(EffectiveFeatures Features, AccessRefusal? Refusal)
{
    /// <summary>The account's class (lower-cased), for the policy of its level (<see cref="Devices.Access.PolicyResolver"/>); null: none.</summary>
    public string? AccountClass { get; init; }

    public bool Allowed => Refusal is null;

    /// <summary>Everything allowed (tests and tools that run without the account model).</summary>
    public static readonly AccountAccess All = new(EffectiveFeatures.All, null);
}

/// <summary>An account as an admin sees it: what is set on it, what is in effect and where that comes from.</summary>
public sealed record AccountView(string AccountId, AccountSettings Settings, EffectiveFeatures Effective, bool HoldsSlot, DateTimeOffset? FirstSeen);

/// <summary>The account removes this abandoned device (<see cref="AccountDeviceRemoved"/>): it deletes its journal and snapshots and stops.</summary>
public sealed record ForgetDevice : Cluster.IRoutedToChild
{
    public static readonly ForgetDevice Instance = new();
}

/// <summary>
/// An admin (<paramref name="By"/>) removes the partnership with a device last seen at <paramref name="LastSeen"/>: the
/// account writes the removal (<see cref="AccountDeviceRemoved"/>, audited) and answers it; the admin API then has the
/// device forget itself.
/// </summary>
public sealed record RemoveAccountDevice(string DeviceId, DateTimeOffset LastSeen, string By) : Cluster.IRoutedToChild;
