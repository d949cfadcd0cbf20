using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Eas.Actors.Accounts;
using Eas.Actors.Licensing;
using Eas.Host.Admin;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Eas.Host.Cli;

/// <summary>How the <c>admin</c> verbs show the API's answers as tables. Every cell is plain text, never Spectre markup.</summary>
internal static class AdminTables
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IRenderable Service(ServiceView service)
    {
        var table = Table("Setting", "Value");
        Row(table, "service", service.Enabled ? "enabled" : "DISABLED");
        Row(table, "default activeSync", FeatureSwitches.Show(service.Defaults.ActiveSync));
        Row(table, "default email", FeatureSwitches.Show(service.Defaults.Email));
        Row(table, "default contacts", FeatureSwitches.Show(service.Defaults.Contacts));
        Row(table, "default pim", FeatureSwitches.Show(service.Defaults.Pim));
        return table;
    }

    /// <summary>Domains or classes, one row each.</summary>
    public static IRenderable Levels(string kind, IReadOnlyDictionary<string, FeatureSettings> levels)
    {
        var table = Table(kind, "activeSync", "email", "contacts", "pim");
        foreach (var (name, settings) in levels) Row(table, name, Switches(settings));
        if (levels.Count == 0) Row(table, "(none)", "", "", "", "");
        return table;
    }

    public static IRenderable Level(string kind, string name, FeatureSettings settings) =>
        Levels(kind, new Dictionary<string, FeatureSettings> { [name] = settings });

    public static IRenderable Account(AccountView account)
    {
        var table = Table("Switch", "Set on account", "Effective", "From");
        var set = account.Settings.Features;
        var effective = account.Effective;
        Row(table, "activeSync", FeatureSwitches.Show(set.ActiveSync), OnOff(effective.ActiveSync.Value), Source(effective.ActiveSync.Source));
        Row(table, "email", FeatureSwitches.Show(set.Email), OnOff(effective.Email.Value), Source(effective.Email.Source));
        Row(table, "contacts", FeatureSwitches.Show(set.Contacts), OnOff(effective.Contacts.Value), Source(effective.Contacts.Source));
        Row(table, "pim", FeatureSwitches.Show(set.Pim), OnOff(effective.Pim.Value), Source(effective.Pim.Source));
        var facts = Table("Account", account.AccountId);
        Row(facts, "class", account.Settings.Class ?? "(none)");
        Row(facts, "license slot", account.HoldsSlot ? "held" : account.Settings.DisabledByLicense ? "none: turned off by the license" : "none");
        Row(facts, "first seen", Time(account.FirstSeen));
        return new Rows(facts, table);
    }

    public static IRenderable Devices(IReadOnlyList<DeviceSummary> devices)
    {
        var table = Table("DeviceId", "Type", "Version", "User agent", "First seen", "Last contact", "Provisioned", "Looping", "Blocked", "Wipe", "Access");
        foreach (var d in devices)
            Row(table, d.DeviceId, d.DeviceType ?? "-", d.ProtocolVersion ?? "-", d.UserAgent ?? "-", Time(d.FirstSeen), Time(d.LastContact), d.Provisioned ? "yes" : "no",
                d.Looping is { } loop ? $"{loop.Reason} (last {Time(loop.At)})" : "no",
                d.BlockedUntil is { } until && until > DateTimeOffset.UtcNow ? $"User-Agent changes, until {Time(until)}" : "no",
                Wipe(d.Wipe), Access(d));
        if (devices.Count == 0) Row(table, "(none)", "", "", "", "", "", "", "", "", "", "");
        return table;
    }

    /// <summary>A device's access: the admin's decision, else the last verdict with the rule or level behind it.</summary>
    public static string Access(DeviceSummary d) => d switch
    {
        { Decision: { } decided } => $"{Name(decided)} (admin)",
        { Access: { } verdict } => $"{Name(verdict.Level)} ({Name(verdict.Source)}{(verdict.Rule is { } rule ? $": {Name(rule.Characteristic)} {rule.Pattern}" : "")})",
        _ => "-",
    };

    /// <summary>Device access rules of every level.</summary>
    public static IRenderable Rules(Eas.Actors.Devices.Access.DeviceAccessRuleSet rules)
    {
        var table = Table("Level", "Name", "#", "Characteristic", "Pattern", "Access");
        void Add(string level, string name, IReadOnlyList<Eas.Actors.Devices.Access.DeviceAccessRule> list)
        {
            for (var i = 0; i < list.Count; i++) Row(table, level, name, Number(i + 1), Name(list[i].Characteristic), list[i].Pattern, Name(list[i].Level));
        }

        foreach (var (account, list) in rules.Accounts) Add("account", account, list);
        foreach (var (domain, list) in rules.Domains) Add("domain", domain, list);
        Add("service", "", rules.Service);
        Row(table, "default", "", "", "", "", Name(rules.DefaultLevel));
        return table;
    }

    /// <summary>An account's effective policy, each setting with the level it comes from.</summary>
    public static IRenderable Policy(AccountPolicyView policy)
    {
        var table = Table("Setting", "Value", "From");
        foreach (var (name, setting) in policy.Settings) Row(table, name, setting.Value, Name(setting.Source));
        if (policy.Settings.Count == 0) Row(table, "(none)", "", "");
        return table;
    }

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string Wipe(WipeSummary? wipe) => wipe switch
    {
        null => "no",
        { State: WipeSummary.Pending } => $"{(wipe.AccountOnly ? "account-only " : "")}pending since {Time(wipe.RequestedAt)} ({wipe.RequestedBy})",
        _ => $"{(wipe.AccountOnly ? "account-only " : "")}acknowledged {Time(wipe.AcknowledgedAt)}: {wipe.Status}",
    };

    public static IRenderable License(LicenseStatus license)
    {
        var table = Table("License", license.Source);
        Row(table, "licensed accounts", Number(license.Licensed));
        Row(table, "used", Number(license.Used));
        Row(table, "free", Number(license.Free));
        Row(table, "turned off by the license", Number(license.TurnedOff.Count));
        if (license.IsTrial)
        {
            Row(table, "trial ends", Time(license.TrialEnds));
            Row(table, "trial days left", license.TrialDaysLeft?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-");
        }

        Row(table, "expired", license.Expired ? "YES: ActiveSync is off for everyone" : "no");
        return table;
    }

    public static IRenderable Audit(IReadOnlyList<AuditEntry> entries)
    {
        var table = Table("#", "At", "By", "Change", "Details");
        foreach (var e in entries)
            Row(table, Number(e.Sequence), Time(e.At), e.By, e.Change, JsonSerializer.Serialize(e.Details, Readable));
        if (entries.Count == 0) Row(table, "(none)", "", "", "", "");
        return table;
    }

    public static IRenderable Diagnostics(DiagnosticsView view)
    {
        var table = Table("Traced", "Names");
        Row(table, "accounts", view.TraceUsers.Count == 0 ? "(none)" : string.Join(", ", view.TraceUsers));
        Row(table, "devices", view.TraceDevices.Count == 0 ? "(none)" : string.Join(", ", view.TraceDevices));
        return table;
    }

    private static string[] Switches(FeatureSettings s) =>
        [FeatureSwitches.Show(s.ActiveSync), FeatureSwitches.Show(s.Email), FeatureSwitches.Show(s.Contacts), FeatureSwitches.Show(s.Pim)];

    private static string OnOff(bool value) => value ? "on" : "off";

    private static string Source(SettingSource source) => JsonNamingPolicy.CamelCase.ConvertName(source.ToString());

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    private static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers) table.AddColumn(new TableColumn(new Text(header)));
        return table;
    }

    private static void Row(Table table, string first, params string[] rest) =>
        table.AddRow([new Text(first), .. rest.Select(cell => new Text(cell))]);
}
