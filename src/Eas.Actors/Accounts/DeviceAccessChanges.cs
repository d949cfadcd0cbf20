using System.Collections.Immutable;
using Eas.Actors.Devices.Access;

namespace Eas.Actors.Accounts;

/// <summary>
/// Applies an admin's change of device access rules or policy settings to the directory, pure. A bad rule or setting
/// throws <see cref="ArgumentException"/>, which fails only the admin's ask (<see cref="DirectoryActor"/>).
/// </summary>
public static class DeviceAccessChanges
{
    /// <summary>The most rules one level holds.</summary>
    public const int MaxRulesPerLevel = 200;

    public static DeviceAccessRuleSet Apply(DeviceAccessRuleSet rules, SetDeviceAccessRules change)
    {
        var list = change.Rules ?? [];
        if (list.Count > MaxRulesPerLevel) throw new ArgumentException($"A level holds at most {MaxRulesPerLevel} rules.", nameof(change));
        if (list.Select(rule => rule.Problem()).FirstOrDefault(problem => problem is not null) is { } problem) throw new ArgumentException($"Bad rule: {problem}.", nameof(change));
        return change.Level switch
        {
            DirectoryLevel.Service => rules with { Service = list },
            DirectoryLevel.Domain => rules with { Domains = SetOrRemove(rules.Domains, DirectoryDecisions.Name(change.Name!), list) },
            DirectoryLevel.Account => rules with { Accounts = SetOrRemove(rules.Accounts, DirectoryDecisions.Name(change.Name!), list) },
            _ => throw new ArgumentException("Device access rules are set for the service, a domain or an account.", nameof(change)),
        };
    }

    public static PolicyOverrides Apply(PolicyOverrides policies, SetPolicySettings change)
    {
        var settings = (change.Settings ?? ImmutableSortedDictionary<string, string>.Empty).WithComparers(StringComparer.Ordinal);
        if (PolicyResolver.Problem(settings) is { } problem) throw new ArgumentException($"Bad policy setting: {problem}.", nameof(change));
        return change.Level switch
        {
            DirectoryLevel.Service => policies with { Service = settings },
            DirectoryLevel.Domain => policies with { Domains = SetOrRemove(policies.Domains, DirectoryDecisions.Name(change.Name!), settings) },
            DirectoryLevel.Class => policies with { Classes = SetOrRemove(policies.Classes, DirectoryDecisions.Name(change.Name!), settings) },
            _ => policies with { Accounts = SetOrRemove(policies.Accounts, DirectoryDecisions.Name(change.Name!), settings) },
        };
    }

    private static ImmutableSortedDictionary<string, T> SetOrRemove<T>(ImmutableSortedDictionary<string, T> levels, string name, T value)
        where T : System.Collections.ICollection =>
        value.Count == 0 ? levels.Remove(name) : levels.SetItem(name, value);
}
