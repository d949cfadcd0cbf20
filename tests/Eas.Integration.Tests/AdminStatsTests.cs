using System.Net;
using System.Text.Json.Nodes;
using Eas.Actors.Mailboxes;
using Eas.Integration.Tests.Support;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Integration.Tests;

/// <summary>GET /admin/api/stats over real HTTP: what a phone's requests, a parked Ping and the process look like in it.</summary>
[Collection(DovecotCollection.Name)]
public sealed class AdminStatsTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null, null, AdminClient.RootArgs);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static JsonNode Command(JsonNode stats, string name) =>
        stats["commands"]!.AsArray().Single(c => c!["command"]!.GetValue<string>() == name)!;

    [Fact]
    public async Task A_phones_requests_and_its_parked_Ping_show_in_the_stats()
    {
        var user = MailboxUser.Create(dovecot, "stats");
        await user.DeliverAsync(1);
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "StatsPhone");
        var inbox = phone.IdOf("INBOX");
        await phone.SyncAllAsync(inbox);
        var admin = _server.Admin();

        var ping = phone.Client.PostAsync("Ping", PingRequests.Ping(120, inbox));
        // In IMAP mode the watcher opens its session in the background after the Ping parks: wait for both. In
        // webhook mode (Dovecot posts its changes) no watcher session is opened at all.
        var watchers = _server.Push == PushMode.Imap ? 1 : 0;
        var parked = await WaitForAsync(admin, s => s["push"]!["parkedPings"]!.GetValue<long>() == 1 && s["push"]!["watcherSessions"]!.GetValue<long>() == watchers);
        Command(parked, "Ping")["inFlight"]!.GetValue<long>().ShouldBe(1);
        Command(parked, "FolderSync")["requests"]!.GetValue<long>().ShouldBe(1);
        Command(parked, "Provision")["requests"]!.GetValue<long>().ShouldBe(2);
        Command(parked, "Sync")["totalMs"]!.GetValue<double>().ShouldBeGreaterThan(0);
        parked["actors"]!["devices"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        parked["actors"]!["mailboxes"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        parked["push"]!["watcherSessions"]!.GetValue<long>().ShouldBe(watchers);
        parked["busiestDevices"]!["tracked"]!.GetValue<int>().ShouldBe(1);
        var device = parked["busiestDevices"]!["entries"]!.AsArray().ShouldHaveSingleItem()!;
        device["account"]!.GetValue<string>().ShouldBe(user.Address);
        device["deviceId"]!.GetValue<string>().ShouldBe("StatsPhone");
        device["requests"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(5);
        parked["busiestAccounts"]!["entries"]![0]!["account"]!.GetValue<string>().ShouldBe(user.Address);
        var process = parked["process"]!;
        process["cpuSeconds"]!.GetValue<double>().ShouldBeGreaterThan(0);
        process["workingSetBytes"]!.GetValue<long>().ShouldBeGreaterThan(10_000_000);
        process["threads"]!.GetValue<int>().ShouldBeGreaterThan(1);
        parked["uptimeSeconds"]!.GetValue<double>().ShouldBeGreaterThan(0);

        using (var imap = await user.ConnectImapAsync())
            await imap.AppendAsync("INBOX", new MemoryStream("Subject: pushed\r\n\r\nhello\r\n"u8.ToArray()));
        (await ping.WaitAsync(TimeSpan.FromSeconds(15))).Body!.ValueOf(PingPage.Status).ShouldBe("2");
        var answered = await WaitForAsync(admin, s => Command(s, "Ping")["requests"]!.GetValue<long>() == 1);
        Command(answered, "Ping")["inFlight"]!.GetValue<long>().ShouldBe(0);
        answered["push"]!["parkedPings"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task Refused_sign_ins_count_as_unknown_and_the_stats_are_for_admins_only()
    {
        var stranger = _server.Phone("nobody@ox.io", "wrong", "StrangerPhone", "14.1");
        (await stranger.PostAsync("FolderSync", MailRequests.FolderSync("0"))).Status.ShouldBe(HttpStatusCode.Unauthorized);

        var stats = await WaitForAsync(_server.Admin(), s => Command(s, "unknown")["requests"]!.GetValue<long>() >= 1);
        Command(stats, "unknown")["requests"]!.GetValue<long>().ShouldBe(1);
        stats["busiestAccounts"]!["entries"]!.AsArray().ShouldContain(a => a!["account"]!.GetValue<string>() == "nobody@ox.io");

        using var anonymous = _server.CreateHttpClient();
        (await anonymous.GetAsync("/admin/api/stats")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<JsonNode> WaitForAsync(AdminClient admin, Func<JsonNode, bool> condition)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stats = await admin.GetAsync("/stats");
            if (condition(stats) || attempt == 100) return stats;
            await Task.Delay(50);
        }
    }
}
