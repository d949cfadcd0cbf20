namespace Eas.Actors.Accounts;

/// <summary>Applies an admin's change to the directory, pure. Domain and class names are lower-cased.</summary>
public static class DirectoryDecisions
{
    public static DirectoryState Apply(DirectoryState state, DirectoryChange change) => change switch
    {
        SetServiceEnabled s => state with { ServiceEnabled = s.Enabled },
        SetServiceDefaults s => state with { ServiceDefaults = s.Defaults },
        SetDomainDefaults { Defaults: null } d => state with { Domains = state.Domains.Remove(Name(d.Domain)) },
        SetDomainDefaults d => state with { Domains = state.Domains.SetItem(Name(d.Domain), d.Defaults) },
        SetAccountClass { Settings: null } c => state with { Classes = state.Classes.Remove(Name(c.Name)) },
        SetAccountClass c => state with { Classes = state.Classes.SetItem(Name(c.Name), c.Settings) },
        SetDeviceAccessRules r => state with { AccessRules = DeviceAccessChanges.Apply(state.AccessRules, r) },
        SetDefaultAccessLevel l => state with { AccessRules = state.AccessRules with { DefaultLevel = l.Level } },
        SetPolicySettings p => state with { Policies = DeviceAccessChanges.Apply(state.Policies, p) },
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "Unknown directory change."),
    };

    internal static string Name(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name.Trim().ToLowerInvariant();
    }
}
