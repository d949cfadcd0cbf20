using System.Collections.Immutable;
using System.CommandLine;
using Eas.Actors.Devices.Access;
using Eas.Host.Admin;
using static Eas.Host.Cli.AdminApi;

namespace Eas.Host.Cli;

/// <summary>
/// <c>admin rules</c>, <c>admin policy</c> and the access verbs of <c>admin devices</c> (approve, block, reset-access,
/// quarantined, wipe-pending): device access rules and per-level provisioning policies over the admin API
/// (<see cref="DeviceAccessEndpoints"/>, <see cref="PolicyEndpoints"/>).
/// </summary>
internal static class AdminAccessCommands
{
    /// <summary>
    /// <c>admin rules show | default LEVEL | set [--domain D | --account A] RULE... | clear [--domain D | --account A]</c>;
    /// a RULE is <c>characteristic:pattern=access</c>, e.g. <c>deviceType:iPhone=allow</c>, <c>os:Android 9*=block</c>.
    /// </summary>
    public static Command Rules(AdminConnection c)
    {
        var rules = new Command("rules", "Device access rules (allow/block/quarantine by device type, model, User-Agent, OS): account, then domain, then service; first match wins.");
        rules.Subcommands.Add(c.Verb("show", "Every level's rules and the default access.", async (_, api, ct) =>
            AdminAnswer.Of<DeviceAccessRuleSet>(await api.GetAsync("/access-rules", ct), AdminTables.Rules)));
        var level = new Argument<string>("access") { Description = "allow, block or quarantine." };
        rules.Subcommands.Add(c.Verb("default", "The access of devices no rule matches.", async (r, api, ct) =>
            AdminAnswer.Of<DeviceAccessRuleSet>(await api.PutAsync("/access-rules/default", new DefaultAccessRequest(ParseLevel(r.GetValue(level)!)), ct), AdminTables.Rules), level));
        var domain = new Option<string?>("--domain") { Description = "The rules of this mail domain." };
        var account = new Option<string?>("--account") { Description = "The rules of this account." };
        var list = new Argument<string[]>("rule") { Description = "characteristic:pattern=access, in order; characteristic is deviceType, deviceModel, userAgent or os; a pattern ending in * is a prefix.", Arity = ArgumentArity.OneOrMore };
        rules.Subcommands.Add(c.Verb("set", "Replace one level's rules.", async (r, api, ct) =>
        {
            ImmutableList<DeviceAccessRule> parsed = [.. r.GetValue(list)!.Select(ParseRule)];
            return AdminAnswer.Of<DeviceAccessRuleSet>(await api.PutAsync(RulesPath(r.GetValue(domain), r.GetValue(account)), parsed, ct), AdminTables.Rules);
        }, domain, account, list));
        var clearDomain = new Option<string?>("--domain") { Description = "The rules of this mail domain." };
        var clearAccount = new Option<string?>("--account") { Description = "The rules of this account." };
        rules.Subcommands.Add(c.Verb("clear", "Remove one level's rules.", async (r, api, ct) =>
        {
            var path = RulesPath(r.GetValue(clearDomain), r.GetValue(clearAccount));
            var answer = path == "/access-rules" ? await api.PutAsync(path, Array.Empty<DeviceAccessRule>(), ct) : await api.DeleteAsync(path, ct);
            return AdminAnswer.Of<DeviceAccessRuleSet>(answer, AdminTables.Rules);
        }, clearDomain, clearAccount));
        return rules;
    }

    /// <summary><c>admin policy show ACCOUNT | set (--domain D | --class C | --account A | service) NAME=VALUE... | clear ...</c>.</summary>
    public static Command Policy(AdminConnection c)
    {
        var policy = new Command("policy", "Provisioning policy settings per service, domain, class and account (account, then class, then domain, then service, then the configuration).");
        var shown = new Argument<string>("account") { Description = "The account whose effective policy to show." };
        policy.Subcommands.Add(c.Verb("show", "The account's effective policy and where each setting comes from.", async (r, api, ct) =>
            AdminAnswer.Of<AccountPolicyView>(await api.GetAsync($"/accounts/{Segment(r.GetValue(shown)!)}/policy", ct), AdminTables.Policy), shown));
        var domain = new Option<string?>("--domain") { Description = "Settings of this mail domain." };
        var @class = new Option<string?>("--class") { Description = "Settings of this account class." };
        var account = new Option<string?>("--account") { Description = "Settings of this account." };
        var settings = new Argument<string[]>("setting") { Description = "NAME=VALUE with an EASProvisionDoc element name (MS-ASPROV 2.2.2.27), e.g. MinDevicePasswordLength=6.", Arity = ArgumentArity.OneOrMore };
        policy.Subcommands.Add(c.Verb("set", "Replace one level's settings (the service's when no level is given).", async (r, api, ct) =>
        {
            var parsed = r.GetValue(settings)!.Select(ParseSetting).ToImmutableSortedDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
            return Plain(await api.PutAsync(PolicyPath(r.GetValue(domain), r.GetValue(@class), r.GetValue(account)), parsed, ct));
        }, domain, @class, account, settings));
        var clearDomain = new Option<string?>("--domain") { Description = "Settings of this mail domain." };
        var clearClass = new Option<string?>("--class") { Description = "Settings of this account class." };
        var clearAccount = new Option<string?>("--account") { Description = "Settings of this account." };
        policy.Subcommands.Add(c.Verb("clear", "Remove one level's settings (the service's when no level is given).", async (r, api, ct) =>
        {
            var path = PolicyPath(r.GetValue(clearDomain), r.GetValue(clearClass), r.GetValue(clearAccount));
            return Plain(path == "/policies/service" ? await api.PutAsync(path, ImmutableSortedDictionary<string, string>.Empty, ct) : await api.DeleteAsync(path, ct));
        }, clearDomain, clearClass, clearAccount));
        return policy;
    }

    /// <summary>The access verbs under <c>admin devices</c>.</summary>
    public static void DeviceVerbs(AdminConnection c, Command devices)
    {
        var account = new Argument<string>("account") { Description = "The account, as phones sign in." };
        var deviceId = new Argument<string>("deviceid") { Description = "The DeviceId, as 'admin devices ACCOUNT' lists it." };
        string Path(ParseResult r) => $"/accounts/{Segment(r.GetValue(account)!)}/devices/{Segment(r.GetValue(deviceId)!)}";
        devices.Subcommands.Add(c.Verb("approve", "Allow the device whatever the rules say (lets a quarantined device in at its next request).", async (r, api, ct) =>
            AdminAnswer.Of<DeviceSummary>(await api.PostAsync($"{Path(r)}/approve", new { }, ct), d => AdminTables.Devices([d])), account, deviceId));
        devices.Subcommands.Add(c.Verb("block", "Block the device whatever the rules say.", async (r, api, ct) =>
            AdminAnswer.Of<DeviceSummary>(await api.PostAsync($"{Path(r)}/block", new { }, ct), d => AdminTables.Devices([d])), account, deviceId));
        devices.Subcommands.Add(c.Verb("reset-access", "Remove the admin's decision: the rules decide again.", async (r, api, ct) =>
            AdminAnswer.Of<DeviceSummary>(await api.DeleteAsync($"{Path(r)}/access", ct), d => AdminTables.Devices([d])), account, deviceId));
        devices.Subcommands.Add(c.Verb("quarantined", "Every quarantined device of every account.", async (_, api, ct) =>
            AdminAnswer.Of<List<DeviceSummary>>(await api.GetAsync("/devices/quarantined", ct), AdminTables.Devices)));
        devices.Subcommands.Add(c.Verb("wipe-pending", "Every device with a wipe it has not acknowledged.", async (_, api, ct) =>
            AdminAnswer.Of<List<DeviceSummary>>(await api.GetAsync("/devices/wipe-pending", ct), AdminTables.Devices)));
    }

    /// <summary>The policy levels as the server answers them, shown as JSON (a table per level would say no more).</summary>
    private static AdminAnswer Plain(string json) => new(json, () => new Spectre.Console.Text(json));

    internal static DeviceAccessLevel ParseLevel(string text) => text.Trim().ToLowerInvariant() switch
    {
        "allow" => DeviceAccessLevel.Allow,
        "block" => DeviceAccessLevel.Block,
        "quarantine" => DeviceAccessLevel.Quarantine,
        _ => throw AdminApiException.BadInput($"'{text}' is not an access level: allow, block or quarantine."),
    };

    /// <summary>Reads <c>characteristic:pattern=access</c> (the pattern may hold ':' but its last '=' ends it).</summary>
    internal static DeviceAccessRule ParseRule(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var equals = text.LastIndexOf('=');
        if (colon <= 0 || equals <= colon + 1) throw AdminApiException.BadInput($"'{text}' is not characteristic:pattern=access.");
        var characteristic = text[..colon].Trim().ToLowerInvariant() switch
        {
            "devicetype" or "type" => DeviceCharacteristic.DeviceType,
            "devicemodel" or "model" => DeviceCharacteristic.DeviceModel,
            "useragent" => DeviceCharacteristic.UserAgent,
            "os" or "operatingsystem" => DeviceCharacteristic.OperatingSystem,
            var other => throw AdminApiException.BadInput($"'{other}' is not deviceType, deviceModel, userAgent or os."),
        };
        return new DeviceAccessRule(characteristic, text[(colon + 1)..equals], ParseLevel(text[(equals + 1)..]));
    }

    internal static (string Name, string Value) ParseSetting(string text) =>
        text.IndexOf('=') is var at and > 0 ? (text[..at].Trim(), text[(at + 1)..]) : throw AdminApiException.BadInput($"'{text}' is not NAME=VALUE.");

    internal static string RulesPath(string? domain, string? account) => (domain, account) switch
    {
        ({ } d, null) => $"/domains/{Segment(d)}/access-rules",
        (null, { } a) => $"/accounts/{Segment(a)}/access-rules",
        (null, null) => "/access-rules",
        _ => throw AdminApiException.BadInput("Give --domain or --account, not both."),
    };

    internal static string PolicyPath(string? domain, string? @class, string? account) => (domain, @class, account) switch
    {
        ({ } d, null, null) => $"/policies/domains/{Segment(d)}",
        (null, { } c, null) => $"/policies/classes/{Segment(c)}",
        (null, null, { } a) => $"/accounts/{Segment(a)}/policy",
        (null, null, null) => "/policies/service",
        _ => throw AdminApiException.BadInput("Give at most one of --domain, --class and --account."),
    };
}
