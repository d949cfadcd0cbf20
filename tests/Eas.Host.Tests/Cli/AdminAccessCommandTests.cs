using Eas.Actors.Devices.Access;
using Eas.Host.Cli;

namespace Eas.Host.Tests.Cli;

/// <summary>
/// The parsing of <c>admin rules</c>, <c>admin policy</c> and the access verbs of <c>admin devices</c>: each command line
/// against the request it sends (no server: <see cref="RecordingAdminApi"/> answers), each bad one against its single
/// error line, exit code 2 and no request, and the help text.
/// </summary>
public sealed class AdminAccessCommandTests
{
    private static async Task<(int Exit, string Output, string Error, RecordingAdminApi Api)> RunAsync(params string[] args)
    {
        var api = new RecordingAdminApi();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliCommands.RunAsync([.. args, "--url", RecordingAdminApi.Url, "--password", "x"], output, error, api);
        return (exit, output.ToString(), error.ToString(), api);
    }

    [Theory]
    [InlineData("GET access-rules", null, "admin", "rules", "show")]
    [InlineData("PUT access-rules/default", """{"level":"quarantine"}""", "admin", "rules", "default", "Quarantine")]
    [InlineData("PUT access-rules", """[{"characteristic":"deviceType","pattern":"iPhone","level":"allow"},{"characteristic":"operatingSystem","pattern":"Android 9*","level":"block"}]""",
        "admin", "rules", "set", "deviceType:iPhone=allow", "os:Android 9*=block")]
    [InlineData("PUT domains/ox.io/access-rules", """[{"characteristic":"deviceModel","pattern":"SM-G*","level":"quarantine"}]""",
        "admin", "rules", "set", "--domain", "ox.io", "model:SM-G*=quarantine")]
    [InlineData("PUT accounts/mike%40ox.io/access-rules", """[{"characteristic":"userAgent","pattern":"Outlook-iOS/2.0","level":"block"}]""",
        "admin", "rules", "set", "--account", "mike@ox.io", "userAgent:Outlook-iOS/2.0=block")]
    [InlineData("PUT access-rules", "[]", "admin", "rules", "clear")]
    [InlineData("DELETE domains/ox.io/access-rules", null, "admin", "rules", "clear", "--domain", "ox.io")]
    [InlineData("DELETE accounts/mike/access-rules", null, "admin", "rules", "clear", "--account", "mike")]
    [InlineData("GET accounts/mike%40ox.io/policy", null, "admin", "policy", "show", "mike@ox.io")]
    [InlineData("PUT policies/service", """{"AllowCamera":"0","MinDevicePasswordLength":"6"}""", "admin", "policy", "set", "MinDevicePasswordLength=6", "AllowCamera=0")]
    [InlineData("PUT policies/domains/ox.io", """{"DevicePasswordEnabled":"1"}""", "admin", "policy", "set", "--domain", "ox.io", "DevicePasswordEnabled=1")]
    [InlineData("PUT policies/classes/staff", """{"MaxInactivityTimeDeviceLock":"300"}""", "admin", "policy", "set", "--class", "staff", "MaxInactivityTimeDeviceLock=300")]
    [InlineData("PUT accounts/mike/policy", """{"PasswordRecoveryEnabled":"a=b"}""", "admin", "policy", "set", "--account", "mike", "PasswordRecoveryEnabled=a=b")]
    [InlineData("PUT policies/service", "{}", "admin", "policy", "clear")]
    [InlineData("DELETE policies/classes/staff", null, "admin", "policy", "clear", "--class", "staff")]
    [InlineData("DELETE policies/domains/ox.io", null, "admin", "policy", "clear", "--domain", "ox.io")]
    [InlineData("DELETE accounts/mike/policy", null, "admin", "policy", "clear", "--account", "mike")]
    [InlineData("POST accounts/mike%40ox.io/devices/Phone%201/approve", "{}", "admin", "devices", "approve", "mike@ox.io", "Phone 1")]
    [InlineData("POST accounts/mike/devices/Phone1/block", "{}", "admin", "devices", "block", "mike", "Phone1")]
    [InlineData("DELETE accounts/mike/devices/Phone1/access", null, "admin", "devices", "reset-access", "mike", "Phone1")]
    [InlineData("GET devices/quarantined", null, "admin", "devices", "quarantined")]
    [InlineData("GET devices/wipe-pending", null, "admin", "devices", "wipe-pending")]
    public async Task A_good_command_line_sends_exactly_its_request(string request, string? body, params string[] args)
    {
        var run = await RunAsync([.. args, "--json"]);

        run.Error.ShouldBeEmpty();
        run.Exit.ShouldBe(0);
        var sent = run.Api.Requests.ShouldHaveSingleItem();
        $"{sent.Method} {sent.Path}".ShouldBe(request);
        sent.Body.ShouldBe(body);
    }

    [Theory]
    [InlineData("'maybe' is not an access level", "admin", "rules", "default", "maybe")]
    [InlineData("'iPhone=allow' is not characteristic:pattern=access", "admin", "rules", "set", "iPhone=allow")]
    [InlineData("'deviceType:=allow' is not characteristic:pattern=access", "admin", "rules", "set", "deviceType:=allow")]
    [InlineData("'shoe' is not deviceType, deviceModel, userAgent or os", "admin", "rules", "set", "shoe:x=allow")]
    [InlineData("'sometimes' is not an access level", "admin", "rules", "set", "os:iOS*=sometimes")]
    [InlineData("Give --domain or --account, not both", "admin", "rules", "set", "--domain", "ox.io", "--account", "mike", "os:x=allow")]
    [InlineData("Give --domain or --account, not both", "admin", "rules", "clear", "--domain", "ox.io", "--account", "mike")]
    [InlineData("'AllowCamera' is not NAME=VALUE", "admin", "policy", "set", "AllowCamera")]
    [InlineData("'=1' is not NAME=VALUE", "admin", "policy", "set", "=1")]
    [InlineData("Give at most one of --domain, --class and --account", "admin", "policy", "set", "--domain", "ox.io", "--class", "staff", "AllowCamera=0")]
    [InlineData("Give at most one of --domain, --class and --account", "admin", "policy", "clear", "--class", "staff", "--account", "mike")]
    [InlineData("See 'eas-server admin rules set --help'", "admin", "rules", "set")]
    [InlineData("See 'eas-server admin policy show --help'", "admin", "policy", "show")]
    [InlineData("See 'eas-server admin devices approve --help'", "admin", "devices", "approve", "mike")]
    [InlineData("See 'eas-server admin devices quarantined --help'", "admin", "devices", "quarantined", "extra")]
    [InlineData("See 'eas-server admin rules --help'", "admin", "rules", "forget")]
    [InlineData("--frobnicate", "admin", "devices", "wipe-pending", "--frobnicate")]
    public async Task A_bad_command_line_is_one_error_line_and_exit_code_2_with_nothing_sent(string reason, params string[] args)
    {
        var run = await RunAsync(args);

        run.Exit.ShouldBe(2);
        run.Api.Requests.ShouldBeEmpty();
        run.Output.ShouldBeEmpty();
        run.Error.ShouldContain(reason);
        run.Error.TrimEnd().ShouldNotContain("\n", customMessage: "one line: " + run.Error);
    }

    [Theory]
    [InlineData(new[] { "admin", "rules" }, new[] { "show", "default", "set", "clear", "first match wins" })]
    [InlineData(new[] { "admin", "rules", "set" }, new[] { "characteristic:pattern=access", "--domain", "--account", "deviceType, deviceModel, userAgent or os" })]
    [InlineData(new[] { "admin", "policy" }, new[] { "show", "set", "clear" })]
    [InlineData(new[] { "admin", "policy", "set" }, new[] { "NAME=VALUE", "MS-ASPROV 2.2.2.27", "--domain", "--class", "--account" })]
    [InlineData(new[] { "admin", "devices" }, new[] { "approve", "block", "reset-access", "quarantined", "wipe-pending", "wipe", "cancel-wipe", "remove" })]
    [InlineData(new[] { "admin", "devices", "approve" }, new[] { "<account>", "<deviceid>", "quarantined device" })]
    [InlineData(new[] { "top" }, new[] { "--interval", "--once", "--url", "--user", "--password" })]
    public async Task Help_lists_the_verbs_and_options_and_sends_nothing(string[] command, string[] expected)
    {
        var run = await RunAsync([.. command, "--help"]);

        run.Exit.ShouldBe(0);
        run.Api.Requests.ShouldBeEmpty();
        foreach (var text in expected) run.Output.ShouldContain(text);
    }

    [Theory]
    [InlineData("deviceType:iPhone=allow", DeviceCharacteristic.DeviceType, "iPhone", DeviceAccessLevel.Allow)]
    [InlineData("Type:iPad*=Block", DeviceCharacteristic.DeviceType, "iPad*", DeviceAccessLevel.Block)]
    [InlineData("model:SM-G991B=quarantine", DeviceCharacteristic.DeviceModel, "SM-G991B", DeviceAccessLevel.Quarantine)]
    [InlineData("DEVICEMODEL:x=allow", DeviceCharacteristic.DeviceModel, "x", DeviceAccessLevel.Allow)]
    [InlineData("userAgent:Apple-iPhone/1:2=3=block", DeviceCharacteristic.UserAgent, "Apple-iPhone/1:2=3", DeviceAccessLevel.Block)]
    [InlineData("os:Android 9*= allow ", DeviceCharacteristic.OperatingSystem, "Android 9*", DeviceAccessLevel.Allow)]
    [InlineData("operatingSystem:iOS 17=quarantine", DeviceCharacteristic.OperatingSystem, "iOS 17", DeviceAccessLevel.Quarantine)]
    public void A_rule_is_characteristic_colon_pattern_and_its_last_equals_sign_starts_the_access(string text, DeviceCharacteristic characteristic, string pattern, DeviceAccessLevel level) =>
        AdminAccessCommands.ParseRule(text).ShouldBe(new DeviceAccessRule(characteristic, pattern, level));

    [Theory]
    [InlineData(null, null, "/access-rules")]
    [InlineData("OX.io", null, "/domains/OX.io/access-rules")]
    [InlineData(null, "ox.io\\mike", "/accounts/ox.io%5Cmike/access-rules")]
    public void The_rules_level_is_the_service_a_domain_or_an_account(string? domain, string? account, string path) =>
        AdminAccessCommands.RulesPath(domain, account).ShouldBe(path);

    [Theory]
    [InlineData(null, null, null, "/policies/service")]
    [InlineData("ox.io", null, null, "/policies/domains/ox.io")]
    [InlineData(null, "gold staff", null, "/policies/classes/gold%20staff")]
    [InlineData(null, null, "mike", "/accounts/mike/policy")]
    public void The_policy_level_is_the_service_a_domain_a_class_or_an_account(string? domain, string? @class, string? account, string path) =>
        AdminAccessCommands.PolicyPath(domain, @class, account).ShouldBe(path);

    [Fact]
    public void A_setting_keeps_everything_after_its_first_equals_sign_and_trims_its_name() =>
        AdminAccessCommands.ParseSetting(" AllowCamera =0=1").ShouldBe(("AllowCamera", "0=1"));

    [Fact]
    public async Task Without_json_a_device_list_is_a_table_of_the_answer()
    {
        var api = new RecordingAdminApi(new Dictionary<string, string>
        {
            ["devices/quarantined"] = """[{"deviceId":"Phone9","deviceType":"iPhone","provisioned":false,"account":"mike@ox.io"}]""",
        });
        var output = new StringWriter();

        var exit = await CliCommands.RunAsync(["admin", "devices", "quarantined", "--url", RecordingAdminApi.Url, "--password", "x"], output, new StringWriter(), api);

        exit.ShouldBe(0);
        output.ToString().ShouldContain("Phone9");
        output.ToString().ShouldContain("iPhone");
    }
}
