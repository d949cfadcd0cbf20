namespace Eas.Actors.Accounts;

/// <summary>
/// The one place effective settings are computed. Each switch is taken from the nearest level that sets it:
/// the account, then its class (if it has one and the class exists), then its domain, then the service's
/// account defaults, else on. The service-wide switch overrides all of them when it is off.
/// </summary>
public static class FeatureResolver
{
    public static EffectiveFeatures Resolve(DirectoryState directory, string accountId, AccountSettings? account)
    {
        account ??= AccountSettings.Default;
        var domain = directory.Domains.GetValueOrDefault(DomainOf(accountId));
        var accountClass = account.Class is { } name ? directory.Classes.GetValueOrDefault(name.ToLowerInvariant()) : null;
        var own = account.DisabledByLicense ? SettingSource.License : SettingSource.Account;

        EffectiveSetting Pick(Func<FeatureSettings, bool?> get, SettingSource accountSource)
        {
            if (get(account.Features) is { } a) return new(a, accountSource);
            if (accountClass is not null && get(accountClass) is { } c) return new(c, SettingSource.Class);
            if (domain is not null && get(domain) is { } d) return new(d, SettingSource.Domain);
            if (get(directory.ServiceDefaults) is { } s) return new(s, SettingSource.Service);
            return new(true, SettingSource.BuiltIn);
        }

        var activeSync = directory.ServiceEnabled ? Pick(f => f.ActiveSync, own) : new EffectiveSetting(false, SettingSource.ServiceSwitch);
        return new EffectiveFeatures(
            activeSync,
            Pick(f => f.Email, SettingSource.Account),
            Pick(f => f.Contacts, SettingSource.Account),
            Pick(f => f.Pim, SettingSource.Account));
    }

    /// <summary>The domain part of an account id (<c>mike@ox.io</c> → <c>ox.io</c>); empty when there is none.</summary>
    public static string DomainOf(string accountId)
    {
        var at = accountId.LastIndexOf('@');
        return at < 0 ? "" : accountId[(at + 1)..].ToLowerInvariant();
    }
}
