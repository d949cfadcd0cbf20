using System.Net;
using System.Net.Sockets;
using Eas.Integration.Tests.Support;

namespace Eas.Integration.Tests;

/// <summary>
/// Budgets the account entity keeps, over real HTTP against Dovecot: a device may have only so many requests in
/// flight (a SendMail held by an SMTP server that never answers keeps one in flight here), and all devices of
/// an account share a requests-per-minute bucket. Over either: 503 with Retry-After and X-MS-ASThrottle
/// (MS-ASHTTP 2.2.2.1.2.13), counted in <c>eas_throttled_total</c> by budget.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class AccountBudgetTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private readonly TcpListener _silentSmtp = new(IPAddress.Loopback, 0);
    private readonly LogCapture _logs = new();
    private ServerInstance _server = null!;

    public async Task InitializeAsync()
    {
        _silentSmtp.Start();
        _server = await ServerInstance.StartAsync(dovecot, null, _logs.AddTo,
            "--Eas:Budgets:MaxConcurrentPerDevice=1", "--Eas:Budgets:AccountRequestBurst=40", "--Eas:Budgets:AccountRequestsPerMinute=1",
            "--Eas:Smtp:Host=127.0.0.1", $"--Eas:Smtp:Port={((IPEndPoint)_silentSmtp.LocalEndpoint).Port}", "--Eas:Smtp:Security=None", "--Eas:Smtp:TimeoutSeconds=5");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _silentSmtp.Stop();
    }

    [Fact]
    public async Task A_device_with_a_request_in_flight_is_refused_another_and_its_neighbour_is_not()
    {
        var user = MailboxUser.Create(dovecot, "busy");
        var busy = await SyncingPhone.StartAsync(_server, user, "14.1", "Busy1");
        var calm = await SyncingPhone.StartAsync(_server, user, "14.1", "Calm1");
        var before = await _server.ScrapeMetricsAsync();

        var mime = ComposeRequests.Message(user.Address, user.Address, "held", "held by a silent SMTP server");
        var sending = busy.Client.PostAsync("SendMail", ComposeRequests.SendMail("held-1", mime));
        using var smtp = await _silentSmtp.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var refused = await busy.Client.PostAsync("FolderSync", MailRequests.FolderSync(busy.HierarchyKey));
        refused.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Headers.GetValues("X-MS-ASThrottle").Single().ShouldBe("CommandFrequency");
        refused.Headers.GetValues("Retry-After").Single().ShouldBe("2");
        (await calm.Client.PostAsync("FolderSync", MailRequests.FolderSync(calm.HierarchyKey))).Status.ShouldBe(HttpStatusCode.OK, "the limit is per device");

        (await sending).Status.ShouldBe(HttpStatusCode.OK, "the SendMail ends with its own status once SMTP times out");
        (await busy.Client.PostAsync("FolderSync", MailRequests.FolderSync(busy.HierarchyKey))).Status.ShouldBe(HttpStatusCode.OK, "its request settled");

        var after = await _server.ScrapeMetricsAsync();
        (after.Sum("eas_throttled_total", ("budget", "device_concurrency")) - before.Sum("eas_throttled_total", ("budget", "device_concurrency"))).ShouldBe(1);
        (await _logs.WaitForAsync(e => e.EventId == 1000 && e.Message.Contains("Busy1", StringComparison.Ordinal) && e.Message.Contains("over its device_concurrency budget", StringComparison.Ordinal)))
            .ShouldHaveSingleItem().Message.ShouldContain("-> 503");
    }

    [Fact]
    public async Task The_devices_of_an_account_share_its_requests_per_minute()
    {
        var user = MailboxUser.Create(dovecot, "chatty");
        var first = await SyncingPhone.StartAsync(_server, user, "14.1", "Chatty1");
        var second = await SyncingPhone.StartAsync(_server, user, "14.1", "Chatty2");
        var before = await _server.ScrapeMetricsAsync();

        var answers = new List<(SyncingPhone Phone, EasResponse Response)>();
        for (var i = 0; i < 40; i++)
        {
            var phone = i % 2 == 0 ? first : second;
            answers.Add((phone, await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(phone.HierarchyKey))));
        }

        var firstRefusal = answers.FindIndex(a => a.Response.Status == HttpStatusCode.ServiceUnavailable);
        firstRefusal.ShouldBeGreaterThan(0, "the burst of 40 serves the setup and then some");
        answers[firstRefusal + 1].Response.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, "the other device shares the account's budget");
        var refused = answers.Where(a => a.Response.Status == HttpStatusCode.ServiceUnavailable).Select(a => a.Response).ToList();
        refused.ShouldAllBe(r => r.Headers.GetValues("X-MS-ASThrottle").Single() == "CommandFrequency");
        refused.Select(r => int.Parse(r.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture)).ShouldAllBe(seconds => seconds >= 1 && seconds <= 60);
        answers.Take(firstRefusal).ShouldAllBe(a => a.Response.Status == HttpStatusCode.OK);

        var after = await _server.ScrapeMetricsAsync();
        (after.Sum("eas_throttled_total", ("budget", "account_requests")) - before.Sum("eas_throttled_total", ("budget", "account_requests"))).ShouldBe(refused.Count);
        (await _logs.WaitForAsync(e => e.EventId == 1000 && e.Message.Contains("over its account_requests budget", StringComparison.Ordinal) && e.Message.Contains("Chatty", StringComparison.Ordinal), refused.Count))
            .Count.ShouldBe(refused.Count);
    }
}
