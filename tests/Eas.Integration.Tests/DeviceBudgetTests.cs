using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;

namespace Eas.Integration.Tests;

/// <summary>
/// A phone in a loop over real HTTP against Dovecot: once over its budget it is answered 503 with Retry-After
/// and X-MS-ASThrottle (MS-ASHTTP 2.2.2.1.2.13), counted by budget, while another phone of the same account is
/// served as usual, and the looping phone's sync state is untouched when it comes back within its budget.
/// Budgets are small here (5 Pings, then 6 a minute; 30 requests, then 60 a minute); the defaults are 60 and 600.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class DeviceBudgetTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null,
        "--Eas:Budgets:PingBurst=5", "--Eas:Budgets:PingsPerMinute=6", "--Eas:Budgets:RequestBurst=30", "--Eas:Budgets:RequestsPerMinute=60");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_looping_phone_is_throttled_by_its_own_budgets_and_its_neighbour_is_not()
    {
        var user = MailboxUser.Create(dovecot, "loop");
        var looping = await SyncingPhone.StartAsync(_server, user, "14.1", "Loop1");
        var calm = await SyncingPhone.StartAsync(_server, user, "14.1", "Calm1");
        var inbox = looping.IdOf("INBOX");
        var before = await _server.ScrapeMetricsAsync();

        var pings = new List<EasResponse>();
        for (var i = 0; i < 20; i++) pings.Add(await looping.Client.PostAsync("Ping", PingRequests.Ping(0, inbox)));

        pings.Take(5).ShouldAllBe(ping => ping.Status == HttpStatusCode.OK, "a heartbeat of 0 is answered at once (Status 5) while within the budget");
        pings.Skip(5).ShouldAllBe(ping => ping.Status == HttpStatusCode.ServiceUnavailable);
        var refused = pings[^1];
        refused.Headers.GetValues("X-MS-ASThrottle").Single().ShouldBe("CommandFrequency");
        int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 10);
        (await calm.Client.PostAsync("Ping", PingRequests.Ping(0, inbox))).Status.ShouldBe(HttpStatusCode.OK, "the other phone of the account has its own budget");

        var folderSyncs = new List<EasResponse>();
        for (var i = 0; i < 40; i++) folderSyncs.Add(await looping.Client.PostAsync("FolderSync", MailRequests.FolderSync(looping.HierarchyKey)));
        var throttled = folderSyncs.Where(response => response.Status == HttpStatusCode.ServiceUnavailable).ToList();
        throttled.ShouldNotBeEmpty();
        throttled.ShouldAllBe(response => response.Headers.GetValues("X-MS-ASThrottle").Single() == "CommandFrequency");
        folderSyncs.Where(response => response.Status == HttpStatusCode.OK).ShouldAllBe(response => response.Body!.ValueOf(FolderHierarchy.Status) == "1");

        await Task.Delay(TimeSpan.FromSeconds(int.Parse(throttled[^1].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) + 0.5));
        var back = await looping.Client.PostAsync("FolderSync", MailRequests.FolderSync(looping.HierarchyKey));
        back.Status.ShouldBe(HttpStatusCode.OK);
        back.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("1", "its hierarchy key still holds: a throttled request changes nothing");

        var after = await _server.ScrapeMetricsAsync();
        (after.Sum("eas_throttled_total", ("budget", "pings")) - before.Sum("eas_throttled_total", ("budget", "pings"))).ShouldBe(15);
        (after.Sum("eas_throttled_total", ("budget", "requests")) - before.Sum("eas_throttled_total", ("budget", "requests"))).ShouldBe(throttled.Count);
    }
}
