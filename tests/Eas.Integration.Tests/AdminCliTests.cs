using System.Net;
using System.Text.Json.Nodes;
using Eas.Integration.Tests.Support;

namespace Eas.Integration.Tests;

/// <summary>
/// <c>eas-server admin</c> against the real server over loopback: every verb changes what the admin API then
/// reads back, and refusals and an unreachable server end with their exit codes.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class AdminCliTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null, null, AdminClient.RootArgs);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<string> Ok(params string[] args) => CliRun.OkAsync(_server, args);

    private Task<JsonNode> Read(string path) => _server.Admin().GetAsync(path);

    [Fact]
    public async Task Service_verbs_switch_the_service_and_change_only_the_defaults_given()
    {
        (await Ok("admin", "service", "show")).ShouldContain("enabled");

        (await Ok("admin", "service", "disable")).ShouldContain("DISABLED");
        (await Read("/service"))["enabled"]!.GetValue<bool>().ShouldBeFalse();
        await Ok("admin", "service", "enable");
        (await Read("/service"))["enabled"]!.GetValue<bool>().ShouldBeTrue();

        await Ok("admin", "service", "defaults", "--email", "off", "--pim", "off");
        await Ok("admin", "service", "defaults", "--pim", "inherit", "--contacts", "on");
        var defaults = (await Read("/service"))["defaults"]!;
        defaults["email"]!.GetValue<bool>().ShouldBeFalse("a switch left out keeps its value");
        defaults["pim"].ShouldBeNull();
        defaults["contacts"]!.GetValue<bool>().ShouldBeTrue();
        defaults["activeSync"].ShouldBeNull();
    }

    [Fact]
    public async Task Domain_verbs_set_show_list_and_remove_a_domain()
    {
        var table = await Ok("admin", "domain", "set", "OX.io", "--active-sync", "off", "--pim", "off");
        table.ShouldContain("ox.io");
        await Ok("admin", "domain", "set", "ox.io", "--pim", "inherit");
        var domain = await Read("/domains/ox.io");
        domain["activeSync"]!.GetValue<bool>().ShouldBeFalse();
        domain["pim"].ShouldBeNull();

        (await Ok("admin", "domain", "show", "ox.io")).ShouldContain("off");
        var listed = JsonNode.Parse(await Ok("admin", "domain", "list", "--json"))!;
        listed["ox.io"]!["activeSync"]!.GetValue<bool>().ShouldBeFalse();

        await Ok("admin", "domain", "remove", "ox.io");
        (await _server.Admin().SendAsync(HttpMethod.Get, "/domains/ox.io")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var missing = await CliRun.AdminAsync(_server, "admin", "domain", "show", "ox.io");
        missing.Exit.ShouldBe(1);
        missing.Error.ShouldContain("404");
    }

    [Fact]
    public async Task Class_and_account_verbs_put_an_account_in_a_class_and_explain_what_is_in_effect()
    {
        var user = MailboxUser.Create(dovecot, "cli");
        await Ok("admin", "class", "set", "staff", "--email", "off");
        (await Read("/classes"))["staff"]!["email"]!.GetValue<bool>().ShouldBeFalse();
        (await Ok("admin", "class", "list")).ShouldContain("staff");

        var shown = await Ok("admin", "account", "set", user.Address, "--class", "staff", "--contacts", "off");
        shown.ShouldContain("staff");
        var account = await Read($"/accounts/{user.Address}");
        account["settings"]!["class"]!.GetValue<string>().ShouldBe("staff");
        account["settings"]!["features"]!["contacts"]!.GetValue<bool>().ShouldBeFalse();
        account["effective"]!["email"]!["source"]!.GetValue<string>().ShouldBe("class");

        await Ok("admin", "account", "set", user.Address, "--pim", "off");
        account = await Read($"/accounts/{user.Address}");
        account["settings"]!["class"]!.GetValue<string>().ShouldBe("staff", "--class left out keeps the class");
        account["settings"]!["features"]!["contacts"]!.GetValue<bool>().ShouldBeFalse();
        (await Ok("admin", "account", "show", user.Address)).ShouldContain("class");

        await Ok("admin", "account", "set", user.Address, "--class", "");
        (await Read($"/accounts/{user.Address}"))["settings"]!["class"].ShouldBeNull();
        await Ok("admin", "class", "remove", "staff");
        (await Read("/classes")).AsObject().ContainsKey("staff").ShouldBeFalse();
    }

    [Fact]
    public async Task Devices_license_and_audit_show_what_the_server_knows()
    {
        var user = MailboxUser.Create(dovecot, "clidev");
        await _server.Phone(user.Address, user.Password, "CliPhone1", "14.1").ProvisionAsync();

        (await Ok("admin", "devices", user.Address)).ShouldContain("CliPhone1");
        var devices = JsonNode.Parse(await Ok("admin", "devices", user.Address, "--json"))!.AsArray();
        devices.ShouldHaveSingleItem()!["provisioned"]!.GetValue<bool>().ShouldBeTrue();

        (await Ok("admin", "license")).ShouldContain("licensed accounts");
        JsonNode.Parse(await Ok("admin", "license", "--json"))!["holders"]!.AsArray()
            .ShouldContain(h => h!["accountId"]!.GetValue<string>() == user.Address);

        await Ok("admin", "class", "set", "audited", "--pim", "off");
        await Ok("admin", "class", "set", "audited", "--pim", "on");
        var entries = JsonNode.Parse(await Ok("admin", "audit", "--limit", "1000", "--json"))!.AsArray();
        var last = entries[^1]!;
        last["by"]!.GetValue<string>().ShouldBe("admin:root");
        var after = last["sequence"]!.GetValue<long>() - 1;
        var tail = JsonNode.Parse(await Ok("admin", "audit", "--after", after.ToString(System.Globalization.CultureInfo.InvariantCulture), "--limit", "1", "--json"))!.AsArray();
        tail.ShouldHaveSingleItem()!["sequence"]!.GetValue<long>().ShouldBe(after + 1);
        (await Ok("admin", "audit")).ShouldContain("admin:root");
    }

    [Fact]
    public async Task Device_verbs_wipe_cancel_the_wipe_and_remove_a_partnership()
    {
        var user = MailboxUser.Create(dovecot, "cliwipe");
        await _server.Phone(user.Address, user.Password, "CliWipe", "14.1").ProvisionAsync();

        (await Ok("admin", "devices", "wipe", user.Address, "CliWipe")).ShouldContain("pending since");
        (await Ok("admin", "devices", user.Address)).ShouldContain("pending since");
        var refused = await CliRun.AdminAsync(_server, "admin", "devices", "wipe", user.Address, "CliWipe", "--account-only");
        refused.Exit.ShouldBe(1);
        refused.Error.ShouldContain("16.1");
        JsonNode.Parse(await Ok("admin", "devices", "cancel-wipe", user.Address, "CliWipe", "--json"))!["wipe"].ShouldBeNull();
        (await Ok("admin", "devices", "remove", user.Address, "CliWipe")).ShouldContain("CliWipe");
        (await Read($"/accounts/{user.Address}/devices")).AsArray().ShouldBeEmpty();
        (await CliRun.AdminAsync(_server, "admin", "devices", "remove", user.Address, "CliWipe")).Exit.ShouldBe(1);
    }

    [Fact]
    public async Task Rules_set_by_the_cli_quarantine_a_phone_that_the_quarantined_and_wipe_pending_lists_then_show_until_an_admin_acts()
    {
        var user = MailboxUser.Create(dovecot, "clirules");
        await Ok("admin", "rules", "set", "--account", user.Address, "deviceType:*=quarantine");
        var rules = await Ok("admin", "rules", "show");
        rules.ShouldContain(user.Address);
        rules.ShouldContain("quarantine");
        await _server.Phone(user.Address, user.Password, "CliHeld", "14.1").ProvisionAsync();

        (await Ok("admin", "devices", "quarantined")).ShouldContain("CliHeld");
        (await Listed("quarantined")).ShouldBe([$"{user.Address}/CliHeld"]);
        (await Listed("wipe-pending")).ShouldBeEmpty();

        await Ok("admin", "devices", "wipe", user.Address, "CliHeld");
        (await Listed("wipe-pending")).ShouldBe([$"{user.Address}/CliHeld"]);
        await Ok("admin", "devices", "approve", user.Address, "CliHeld");
        (await Listed("quarantined")).ShouldBeEmpty("an approved device leaves the quarantine list");
        await Ok("admin", "devices", "cancel-wipe", user.Address, "CliHeld");
        (await Listed("wipe-pending")).ShouldBeEmpty();
    }

    /// <summary><c>admin devices quarantined|wipe-pending --json</c> as account/DeviceId.</summary>
    private async Task<string[]> Listed(string list) =>
        [.. JsonNode.Parse(await Ok("admin", "devices", list, "--json"))!.AsArray().Select(d => $"{d!["account"]}/{d["deviceId"]}")];

    [Fact]
    public async Task Trace_verbs_change_who_is_traced()
    {
        (await Ok("admin", "trace", "set", "--user", "mike", "--device", "TracePhone")).ShouldContain("mike@ox.io");
        var traced = await Read("/diagnostics");
        traced["traceUsers"]!.AsArray().Select(u => u!.GetValue<string>()).ShouldBe(["mike@ox.io"]);
        traced["traceDevices"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(["TracePhone"]);

        await Ok("admin", "trace", "clear");
        (await Read("/diagnostics"))["traceUsers"]!.AsArray().ShouldBeEmpty();
        (await Ok("admin", "trace", "show")).ShouldContain("(none)");
    }

    [Fact]
    public async Task Refusals_are_exit_code_1_with_the_servers_reason_and_an_unreachable_server_is_2()
    {
        var wrongPassword = new StringWriter();
        var exit = await Eas.Host.Cli.CliCommands.RunAsync(
            ["admin", "service", "show", "--url", _server.Address.ToString(), "--password", "wrong"], new StringWriter(), wrongPassword);
        exit.ShouldBe(1);
        wrongPassword.ToString().ShouldContain("401");

        var badName = await CliRun.AdminAsync(_server, "admin", "account", "show", "not an account");
        badName.Exit.ShouldBe(1);
        badName.Error.ShouldContain("is not an account name");
        var badTrace = await CliRun.AdminAsync(_server, "admin", "trace", "set", "--user", "a b");
        badTrace.Exit.ShouldBe(1);
        badTrace.Error.ShouldContain("is not an account name");

        var address = _server.Address.ToString();
        await _server.DisposeAsync();
        var unreachable = new StringWriter();
        (await Eas.Host.Cli.CliCommands.RunAsync(["admin", "license", "--url", address, "--password", "x"], new StringWriter(), unreachable)).ShouldBe(2);
        unreachable.ToString().ShouldContain("Cannot reach the server");
        _server = await ServerInstance.StartAsync(dovecot, null, null, AdminClient.RootArgs);
    }
}
