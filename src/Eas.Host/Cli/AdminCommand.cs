using System.CommandLine;
using Eas.Actors.Accounts;
using Eas.Actors.Licensing;
using Eas.Host.Admin;
using static Eas.Host.Cli.AdminApi;

namespace Eas.Host.Cli;

/// <summary>
/// <c>eas-server admin</c>: the admin API (<see cref="AdminEndpoints"/>) from a shell. Verbs follow the API's
/// resources (service, domain, class, account, devices, license, audit, trace); each prints the server's
/// answer as a table, or its JSON with <c>--json</c>. Exit codes: 0 done, 1 refused by the API (4xx, the
/// server's reason on standard error), 2 nothing was answered: the command line is wrong (one line says why),
/// or the server is unreachable or failing.
/// </summary>
internal static class AdminCommand
{
    /// <param name="handler">Where the API's requests go instead of the network (tests); the network when null.</param>
    public static Command Create(HttpMessageHandler? handler = null)
    {
        var connection = new AdminConnection(handler);
        var admin = new Command("admin", "Manage a running server over its admin API (/admin/api).");
        connection.AddTo(admin, withJson: true);
        admin.Subcommands.Add(Service(connection));
        admin.Subcommands.Add(Domain(connection));
        admin.Subcommands.Add(Class(connection));
        admin.Subcommands.Add(Account(connection));
        var account = AccountArgument();
        var devices = connection.Verb("devices", "The devices an account has used; wipe, cancel-wipe and remove manage one of them.", async (r, api, ct) =>
            AdminAnswer.Of<List<DeviceSummary>>(await api.GetAsync($"/accounts/{Segment(r.GetValue(account)!)}/devices", ct), AdminTables.Devices), account);
        DeviceVerbs(connection, devices);
        AdminAccessCommands.DeviceVerbs(connection, devices);
        admin.Subcommands.Add(devices);
        admin.Subcommands.Add(connection.Verb("license", "The license: slots licensed, used and free, the trial.", async (_, api, ct) =>
            AdminAnswer.Of<LicenseStatus>(await api.GetAsync("/license", ct), AdminTables.License)));
        admin.Subcommands.Add(AdminAccessCommands.Rules(connection));
        admin.Subcommands.Add(AdminAccessCommands.Policy(connection));
        admin.Subcommands.Add(Audit(connection));
        admin.Subcommands.Add(Trace(connection));
        return admin;
    }

    /// <summary>
    /// <c>admin devices wipe|cancel-wipe|remove ACCOUNT DEVICEID</c>: order a remote wipe (<c>--account-only</c>: only the
    /// account's data, 16.1 devices), cancel one not yet acknowledged, remove a partnership (MS-ASPROV 3.2.5.1.2).
    /// </summary>
    private static void DeviceVerbs(AdminConnection c, Command devices)
    {
        var account = AccountArgument();
        var deviceId = new Argument<string>("deviceid") { Description = "The DeviceId, as 'admin devices ACCOUNT' lists it." };
        var accountOnly = new Option<bool>("--account-only") { Description = "Wipe only this account's data from the device (AccountOnlyRemoteWipe, protocol 16.1)." };
        string Path(ParseResult r) => $"/accounts/{Segment(r.GetValue(account)!)}/devices/{Segment(r.GetValue(deviceId)!)}";
        devices.Subcommands.Add(c.Verb("wipe", "Order a remote wipe of the device at its next request.", async (r, api, ct) =>
            AdminAnswer.Of<DeviceSummary>(await api.PostAsync($"{Path(r)}/wipe", new WipeRequest(r.GetValue(accountOnly)), ct), d => AdminTables.Devices([d])), account, deviceId, accountOnly));
        devices.Subcommands.Add(c.Verb("cancel-wipe", "Cancel a wipe the device has not acknowledged.", async (r, api, ct) =>
            AdminAnswer.Of<DeviceSummary>(await api.DeleteAsync($"{Path(r)}/wipe", ct), d => AdminTables.Devices([d])), account, deviceId));
        devices.Subcommands.Add(c.Verb("remove", "Remove the partnership: the device's state is deleted and the phone starts over.", async (r, api, ct) =>
            AdminAnswer.Of<DeviceSummary>(await api.DeleteAsync(Path(r), ct), d => AdminTables.Devices([d])), account, deviceId));
    }

    private static Argument<string> AccountArgument() => new("account") { Description = "The account, as phones sign in (mike, mike@ox.io, ox.io\\mike)." };

    private static Command Service(AdminConnection c)
    {
        var service = new Command("service", "The service-wide ActiveSync switch and the account defaults.");
        service.Subcommands.Add(c.Verb("show", "Show the switch and the defaults.", async (_, api, ct) =>
            AdminAnswer.Of<ServiceView>(await api.GetAsync("/service", ct), AdminTables.Service)));
        service.Subcommands.Add(c.Verb("enable", "Switch ActiveSync on for the service.", async (_, api, ct) =>
            AdminAnswer.Of<ServiceView>(await api.PutAsync("/service", new ServiceChangeRequest(true, null), ct), AdminTables.Service)));
        service.Subcommands.Add(c.Verb("disable", "Switch ActiveSync off for every account.", async (_, api, ct) =>
            AdminAnswer.Of<ServiceView>(await api.PutAsync("/service", new ServiceChangeRequest(false, null), ct), AdminTables.Service)));
        var switches = new FeatureSwitches();
        service.Subcommands.Add(c.Verb("defaults", "Change the account defaults of domains that set nothing.", async (r, api, ct) =>
        {
            var current = await api.GetAsync<ServiceView>("/service", ct);
            var change = new ServiceChangeRequest(null, switches.Apply(r, current.Defaults));
            return AdminAnswer.Of<ServiceView>(await api.PutAsync("/service", change, ct), AdminTables.Service);
        }, switches.Symbols));
        return service;
    }

    private static Command Domain(AdminConnection c)
    {
        var name = new Argument<string>("domain") { Description = "The mail domain, e.g. ox.io." };
        var domain = new Command("domain", "Account defaults per mail domain.");
        domain.Subcommands.Add(c.Verb("list", "Every domain with settings.", async (_, api, ct) =>
            AdminAnswer.Of<Dictionary<string, FeatureSettings>>(await api.GetAsync("/domains", ct), d => AdminTables.Levels("Domain", d))));
        domain.Subcommands.Add(c.Verb("show", "One domain's settings.", async (r, api, ct) =>
            AdminAnswer.Of<FeatureSettings>(await api.GetAsync($"/domains/{Segment(r.GetValue(name)!)}", ct), s => AdminTables.Level("Domain", r.GetValue(name)!, s)), name));
        var switches = new FeatureSwitches();
        domain.Subcommands.Add(c.Verb("set", "Set a domain's switches (those left out keep their value).", async (r, api, ct) =>
        {
            var path = $"/domains/{Segment(r.GetValue(name)!)}";
            var domains = await api.GetAsync<Dictionary<string, FeatureSettings>>("/domains", ct);
            var current = domains.GetValueOrDefault(r.GetValue(name)!.Trim().ToLowerInvariant(), FeatureSettings.Inherit);
            return AdminAnswer.Of<Dictionary<string, FeatureSettings>>(await api.PutAsync(path, switches.Apply(r, current), ct), d => AdminTables.Levels("Domain", d));
        }, [name, .. switches.Symbols]));
        domain.Subcommands.Add(c.Verb("remove", "Remove a domain's settings: its accounts use the service defaults.", async (r, api, ct) =>
            AdminAnswer.Of<Dictionary<string, FeatureSettings>>(await api.DeleteAsync($"/domains/{Segment(r.GetValue(name)!)}", ct), d => AdminTables.Levels("Domain", d)), name));
        return domain;
    }

    private static Command Class(AdminConnection c)
    {
        var name = new Argument<string>("name") { Description = "The account class, e.g. staff." };
        var @class = new Command("class", "Account classes: named sets of switches accounts can be put in.");
        @class.Subcommands.Add(c.Verb("list", "Every class.", async (_, api, ct) =>
            AdminAnswer.Of<Dictionary<string, FeatureSettings>>(await api.GetAsync("/classes", ct), d => AdminTables.Levels("Class", d))));
        var switches = new FeatureSwitches();
        @class.Subcommands.Add(c.Verb("set", "Create a class or set its switches (those left out keep their value).", async (r, api, ct) =>
        {
            var classes = await api.GetAsync<Dictionary<string, FeatureSettings>>("/classes", ct);
            var current = classes.GetValueOrDefault(r.GetValue(name)!.Trim().ToLowerInvariant(), FeatureSettings.Inherit);
            var answer = await api.PutAsync($"/classes/{Segment(r.GetValue(name)!)}", switches.Apply(r, current), ct);
            return AdminAnswer.Of<Dictionary<string, FeatureSettings>>(answer, d => AdminTables.Levels("Class", d));
        }, [name, .. switches.Symbols]));
        @class.Subcommands.Add(c.Verb("remove", "Remove a class: its accounts inherit from their domain.", async (r, api, ct) =>
            AdminAnswer.Of<Dictionary<string, FeatureSettings>>(await api.DeleteAsync($"/classes/{Segment(r.GetValue(name)!)}", ct), d => AdminTables.Levels("Class", d)), name));
        return @class;
    }

    private static Command Account(AdminConnection c)
    {
        var account = new Command("account", "One account: its class, its switches, what is in effect and why.");
        var shown = AccountArgument();
        account.Subcommands.Add(c.Verb("show", "Show the account.", async (r, api, ct) =>
            AdminAnswer.Of<AccountView>(await api.GetAsync($"/accounts/{Segment(r.GetValue(shown)!)}", ct), AdminTables.Account), shown));
        var changed = AccountArgument();
        var switches = new FeatureSwitches();
        var accountClass = new Option<string?>("--class") { Description = "Put the account in this class; '' takes it out of its class." };
        account.Subcommands.Add(c.Verb("set", "Set the account's class or switches (those left out keep their value).", async (r, api, ct) =>
        {
            var path = $"/accounts/{Segment(r.GetValue(changed)!)}";
            var current = (await api.GetAsync<AccountView>(path, ct)).Settings;
            var features = switches.Apply(r, current.Features);
            var change = new AccountChangeRequest(r.GetValue(accountClass) ?? current.Class, features.ActiveSync, features.Email, features.Contacts, features.Pim);
            return AdminAnswer.Of<AccountView>(await api.PutAsync(path, change, ct), AdminTables.Account);
        }, [changed, accountClass, .. switches.Symbols]));
        return account;
    }

    private static Command Audit(AdminConnection c)
    {
        var after = new Option<long>("--after") { Description = "Only entries after this sequence number." };
        var limit = new Option<int>("--limit") { Description = "At most this many entries (1-1000).", DefaultValueFactory = _ => 100 };
        return c.Verb("audit", "The audit log of admin changes, oldest first.", async (r, api, ct) =>
            AdminAnswer.Of<List<AuditEntry>>(await api.GetAsync($"/audit?after={r.GetValue(after)}&limit={r.GetValue(limit)}", ct), AdminTables.Audit), after, limit);
    }

    private static Command Trace(AdminConnection c)
    {
        var trace = new Command("trace", "The request trace: accounts and devices whose requests are logged with their bodies, redacted.");
        trace.Subcommands.Add(c.Verb("show", "Who is traced now.", async (_, api, ct) =>
            AdminAnswer.Of<DiagnosticsView>(await api.GetAsync("/diagnostics", ct), AdminTables.Diagnostics)));
        var users = new Option<string[]>("--user") { Description = "An account to trace (repeatable); replaces the list.", AllowMultipleArgumentsPerToken = true };
        var devices = new Option<string[]>("--device") { Description = "A DeviceId to trace (repeatable); replaces the list.", AllowMultipleArgumentsPerToken = true };
        trace.Subcommands.Add(c.Verb("set", "Replace the traced accounts or devices (a list not given is kept).", async (r, api, ct) =>
        {
            var change = new DiagnosticsChangeRequest(Given(r, users), Given(r, devices));
            return AdminAnswer.Of<DiagnosticsView>(await api.PutAsync("/diagnostics", change, ct), AdminTables.Diagnostics);
        }, users, devices));
        trace.Subcommands.Add(c.Verb("clear", "Trace nobody.", async (_, api, ct) =>
            AdminAnswer.Of<DiagnosticsView>(await api.PutAsync("/diagnostics", new DiagnosticsChangeRequest([], []), ct), AdminTables.Diagnostics)));
        return trace;
    }

    private static string[]? Given(ParseResult result, Option<string[]> option) => result.GetResult(option) is null ? null : result.GetValue(option);
}
