namespace Eas.Actors.Accounts;

/// <summary>Where an effective setting came from, for the admin view's explanation.</summary>
public enum SettingSource
{
    /// <summary>Nothing set anywhere: the built-in default (on).</summary>
    BuiltIn,

    /// <summary>The service-wide switch, which is off.</summary>
    ServiceSwitch,

    /// <summary>The service's account defaults.</summary>
    Service,

    /// <summary>The account's domain defaults.</summary>
    Domain,

    /// <summary>The account's class.</summary>
    Class,

    /// <summary>Set on the account itself.</summary>
    Account,

    /// <summary>Set on the account by the license: no slot was free when it first connected.</summary>
    License,
}
