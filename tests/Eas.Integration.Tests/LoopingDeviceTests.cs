using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Integration.Tests;

/// <summary>
/// Devices that loop, over real HTTP against Dovecot: one replays the same SyncKey again and again, another
/// re-parks its Ping far faster than its heartbeat. Both are served, and both are flagged with the reason in
/// the admin API's device list, in <c>eas-server admin devices</c> and in the stats <c>eas-server top</c>
/// reads; a phone that behaves is not. Thresholds are small here (5 each); the defaults are 10.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class LoopingDeviceTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null, _logs.AddTo,
        [.. AdminClient.RootArgs, "--Eas:Budgets:LoopSyncKeyReplays=5", "--Eas:Budgets:LoopFastPings=5"]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_phone_replaying_its_sync_key_and_one_re_parking_pings_are_shown_to_admins_with_the_reason()
    {
        var user = MailboxUser.Create(dovecot, "loops");
        var replaying = await SyncingPhone.StartAsync(_server, user, "14.1", "Replay1");
        var pinging = await SyncingPhone.StartAsync(_server, user, "14.1", "Pinger1");
        var calm = await SyncingPhone.StartAsync(_server, user, "14.1", "Calm1");
        var inbox = replaying.IdOf("INBOX");
        (await replaying.SyncAsync(inbox)).ValueOf(AirSync.Status).ShouldBe("1");
        var stuckKey = replaying.Keys[inbox];
        for (var i = 0; i < 5; i++) (await replaying.SyncAsync(inbox, key: stuckKey)).ValueOf(AirSync.Status).ShouldBe("1");
        (await calm.SyncAsync(inbox)).ValueOf(AirSync.Status).ShouldBe("1");
        (await calm.SyncAsync(inbox)).ValueOf(AirSync.Status).ShouldBe("1");

        (await pinging.SyncAsync(inbox)).ValueOf(AirSync.Status).ShouldBe("1");
        (await pinging.SyncAsync(inbox)).ValueOf(AirSync.Status).ShouldBe("1");
        var parked = new List<Task<EasResponse>>();
        for (var i = 0; i < 6; i++)
        {
            parked.Add(pinging.Client.PostAsync("Ping", PingRequests.Ping(120, inbox)));
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        (await pinging.Client.PostAsync("FolderSync", MailRequests.FolderSync(pinging.HierarchyKey))).Status.ShouldBe(HttpStatusCode.OK);
        foreach (var ping in parked)
        {
            var answer = await ping;
            answer.Status.ShouldBe(HttpStatusCode.OK);
            answer.Body.ShouldNotBeNull().ValueOf(PingPage.Status).ShouldBe("1", "each parked Ping is ended by the next request");
        }

        var devices = (await _server.Admin().GetAsync($"/accounts/{user.Address}/devices")).AsArray();
        string? Reason(string deviceId) => devices.Single(d => string.Equals(d!["deviceId"]!.GetValue<string>(), deviceId, StringComparison.OrdinalIgnoreCase))!["looping"]?["reason"]?.GetValue<string>();
        Reason("Replay1").ShouldNotBeNull().ShouldContain($"{inbox}:{stuckKey}");
        Reason("Pinger1").ShouldNotBeNull().ShouldContain("120 s heartbeat");
        Reason("Calm1").ShouldBeNull();

        var table = await CliRun.OkAsync(_server, "admin", "devices", user.Address);
        table.ShouldContain("Looping");
        table.ShouldContain("replayed");
        table.ShouldContain("re-parked");

        var stats = await _server.Admin().GetAsync("/stats");
        var looping = stats["looping"]!.AsArray().Select(d => d!["deviceId"]!.GetValue<string>().ToUpperInvariant()).ToList();
        looping.ShouldBe(["PINGER1", "REPLAY1"], ignoreOrder: true);
        var logged = await _logs.WaitForAsync(e => e.EventId == 1202, count: 2);
        logged.Select(e => e.Message).ShouldContain(m => m.Contains("Replay1", StringComparison.Ordinal) && m.Contains("replayed", StringComparison.Ordinal));
        logged.Select(e => e.Message).ShouldContain(m => m.Contains("Pinger1", StringComparison.Ordinal) && m.Contains("re-parked", StringComparison.Ordinal));
    }
}
