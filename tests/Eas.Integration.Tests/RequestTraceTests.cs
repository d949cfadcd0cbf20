using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests;

/// <summary>
/// The request trace (Eas:Diagnostics, PUT /admin/api/diagnostics) over real HTTP: a traced account's requests
/// and responses are logged as redacted XML; nobody else's are, and credentials never are.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class RequestTraceTests(DovecotFixture dovecot)
{
    private const int TraceEvent = 1020;
    private const string RecoveryPassword = "Recovery-Secret-9";

    private static Eas.Wire.Wbxml.WbxmlElement SettingsWithDevicePassword() =>
        WithChildren(Settings.SettingsElement, WithChildren(Settings.DevicePassword, WithChildren(Settings.Set, WithText(Settings.Password, RecoveryPassword))));

    [Fact]
    public async Task A_traced_account_gets_its_bodies_logged_redacted_and_an_untraced_one_does_not()
    {
        var traced = MailboxUser.Create(dovecot, "traced");
        var untraced = MailboxUser.Create(dovecot, "untraced");
        await traced.DeliverAsync(1);
        await untraced.DeliverAsync(1);
        var logs = new LogCapture();
        await using var server = await ServerInstance.StartAsync(dovecot, null, logs.AddTo, $"--Eas:Diagnostics:TraceUsers:0={traced.Address.Split('@')[0]}");

        foreach (var user in new[] { traced, untraced })
        {
            var phone = await SyncingPhone.StartAsync(server, user, "14.1", "TracePhone" + user.Address[..4]);
            (await phone.Client.PostAsync("Settings", SettingsWithDevicePassword())).Status.ShouldBe(HttpStatusCode.OK);
            (await phone.SyncAllAsync(phone.IdOf("INBOX"))).Count.ShouldBe(1);
        }

        await logs.WaitForAsync(e => e.EventId == TraceEvent && e.Message.StartsWith("Trace Sync", StringComparison.Ordinal));
        var traces = logs.Entries.Where(e => e.EventId == TraceEvent).ToList();
        traces.ShouldNotBeEmpty();
        traces.ShouldAllBe(e => e.Message.Contains(traced.Address) && e.Level == Microsoft.Extensions.Logging.LogLevel.Information);
        var settings = traces.Single(e => e.Message.StartsWith("Trace Settings", StringComparison.Ordinal)).Message;
        settings.ShouldContain("<Password>***</Password>");
        var response = settings[settings.IndexOf("response:", StringComparison.Ordinal)..];
        response.ShouldContain("<DevicePassword>");
        response.ShouldContain("<Status>1</Status>");
        var sync = traces.Last(e => e.Message.StartsWith("Trace Sync", StringComparison.Ordinal)).Message;
        sync.ShouldContain("<CollectionId>");
        sync.ShouldContain("<airsyncbase:Data>[");
        sync.ShouldNotContain("Body of message 1");
        traces.Count(e => e.Message.StartsWith("Trace Provision", StringComparison.Ordinal)).ShouldBe(2);
        foreach (var entry in logs.Entries)
        {
            entry.Message.ShouldNotContain(RecoveryPassword);
            entry.Message.ShouldNotContain(traced.Password);
            entry.Message.ShouldNotContain("Authorization");
            entry.Message.ShouldNotContain("Basic ");
        }
    }

    [Fact]
    public async Task An_admin_turns_the_trace_on_for_a_device_at_runtime_and_the_change_is_audited()
    {
        var user = MailboxUser.Create(dovecot, "rttrace");
        var logs = new LogCapture();
        await using var server = await ServerInstance.StartAsync(dovecot, null, logs.AddTo, AdminClient.RootArgs);
        var phone = server.Phone(user.Address, user.Password, "RuntimePhone", "14.1");
        await phone.ProvisionAsync();
        logs.Entries.ShouldNotContain(e => e.EventId == TraceEvent);

        var admin = server.Admin();
        var view = await admin.PutAsync("/diagnostics", new { traceDevices = new[] { "runtimephone" } });
        view["traceDevices"]![0]!.GetValue<string>().ShouldBe("runtimephone");
        (await phone.PostAsync("FolderSync", MailRequests.FolderSync("0"))).Status.ShouldBe(HttpStatusCode.OK);

        var trace = (await logs.WaitForAsync(e => e.EventId == TraceEvent)).ShouldHaveSingleItem();
        trace.Message.ShouldContain("<FolderSync xmlns=\"FolderHierarchy:\">");
        trace.Message.ShouldContain("<DisplayName>");
        logs.Entries.ShouldContain(e => e.EventId == 1021 && e.Message.Contains("admin:root"));
        var audit = (await admin.GetAsync("/audit?limit=1000")).AsArray();
        audit.ShouldContain(e => e!["change"]!.GetValue<string>() == "diagnostics.trace" && e["by"]!.GetValue<string>() == "admin:root");

        await admin.PutAsync("/diagnostics", new { traceDevices = Array.Empty<string>() });
        await phone.PostAsync("FolderSync", MailRequests.FolderSync("0"));
        await logs.WaitForAsync(e => e.EventId == 1000 && e.Message.StartsWith("FolderSync", StringComparison.Ordinal), count: 2);
        await Task.Delay(300);
        logs.Entries.Count(e => e.EventId == TraceEvent).ShouldBe(1);
    }
}
