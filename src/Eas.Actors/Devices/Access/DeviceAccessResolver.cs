using System.Text.Json.Serialization;
using Eas.Actors.Accounts;

namespace Eas.Actors.Devices.Access;

/// <summary>Where a device's access came from, for the admin view.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeviceAccessSource>))]
public enum DeviceAccessSource
{
    /// <summary>An admin approved or blocked this device; rules no longer apply to it.</summary>
    Admin,

    /// <summary>A rule set on the account.</summary>
    Account,

    /// <summary>A rule set on the account's domain.</summary>
    Domain,

    /// <summary>A rule set for the whole service.</summary>
    Service,

    /// <summary>No rule matched: the default access level.</summary>
    Default,
}

/// <summary>A device's access, where it came from and the rule that decided it (none for an admin's decision or the default).</summary>
public sealed record DeviceAccessVerdict(DeviceAccessLevel Level, DeviceAccessSource Source, DeviceAccessRule? Rule = null);

/// <summary>The one place a device's access is decided, pure.</summary>
public static class DeviceAccessResolver
{
    /// <summary>
    /// An admin's decision for this device wins; else the account's rules, the domain's, the service's, in order, the
    /// first match deciding; else the default level.
    /// </summary>
    public static DeviceAccessVerdict Decide(DeviceAccessRuleSet rules, string accountId, DeviceFacts facts, DeviceAccessLevel? adminDecision)
    {
        if (adminDecision is { } decided) return new(decided, DeviceAccessSource.Admin);
        var account = accountId.ToLowerInvariant();
        if (rules.Accounts.TryGetValue(account, out var own) && First(own, facts) is { } a) return new(a.Level, DeviceAccessSource.Account, a);
        if (rules.Domains.TryGetValue(FeatureResolver.DomainOf(account), out var domain) && First(domain, facts) is { } d) return new(d.Level, DeviceAccessSource.Domain, d);
        if (First(rules.Service, facts) is { } s) return new(s.Level, DeviceAccessSource.Service, s);
        return new(rules.DefaultLevel, DeviceAccessSource.Default);
    }

    private static DeviceAccessRule? First(IEnumerable<DeviceAccessRule> rules, DeviceFacts facts) => rules.FirstOrDefault(rule => rule.Matches(facts));
}
