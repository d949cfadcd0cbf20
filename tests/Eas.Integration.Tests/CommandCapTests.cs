using System.Diagnostics;
using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Integration.Tests;

/// <summary>
/// Caps on the work in one command, over real HTTP against Dovecot: a Sync carrying more client commands than
/// <c>Eas:Budgets:MaxItemsPerSync</c> gets Sync Status 4 and an ItemOperations with more operations than
/// <c>MaxFetchesPerItemOperations</c> Status 11 (MS-ASCMD 3.1.5.10), at once and without touching the mailbox or
/// the device's sync state, each counted in <c>eas_throttled_total</c> under its own budget. Caps are small here
/// (50 and 5); the defaults are 2,000 and 500.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class CommandCapTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null, _logs.AddTo,
        "--Eas:Budgets:MaxItemsPerSync=50", "--Eas:Budgets:MaxFetchesPerItemOperations=5");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_sync_over_the_item_cap_is_answered_status_4_at_once_and_leaves_the_sync_state_as_it_was()
    {
        var user = MailboxUser.Create(dovecot, "bigsync");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "BigSync1");
        var inbox = phone.IdOf("INBOX");
        (await phone.SyncAsync(inbox)).ValueOf(AirSync.Status).ShouldBe("1");
        var key = phone.Keys[inbox];
        var before = await _server.ScrapeMetricsAsync();

        var clock = Stopwatch.StartNew();
        var huge = await phone.Client.PostAsync("Sync", MailRequests.Sync("14.1", inbox, key, commands: Fetches(100_000)));
        clock.Stop();

        huge.Status.ShouldBe(HttpStatusCode.OK);
        huge.Body.ShouldNotBeNull().ValueOf(AirSync.Status).ShouldBe("4", "MS-ASCMD 3.1.5.10: over the Sync limit is a protocol error");
        huge.Body.Element(AirSync.Collections).ShouldBeNull("no collection was synced");
        huge.Headers.Contains("X-MS-ASThrottle").ShouldBeFalse("the answer is the command's status, not a 503");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "100,000 Fetch items held the mailbox for 55 s before the cap");

        var over = await phone.Client.PostAsync("Sync", MailRequests.Sync("14.1", inbox, key, commands: Fetches(51)));
        over.Body.ShouldNotBeNull().ValueOf(AirSync.Status).ShouldBe("4");
        var within = await phone.Client.PostAsync("Sync", MailRequests.Sync("14.1", inbox, key, commands: Fetches(50)));
        within.Status.ShouldBe(HttpStatusCode.OK);
        within.Body.ShouldNotBeNull().ValueOf(AirSync.Status).ShouldBeNull("50 items are within the cap");
        within.Body.Element(AirSync.Collections)!.Element(AirSync.Collection)!.ValueOf(AirSync.Status).ShouldBe("1", "the key the refused Syncs carried still holds");

        var after = await _server.ScrapeMetricsAsync();
        (after.Sum("eas_throttled_total", ("budget", "sync_items")) - before.Sum("eas_throttled_total", ("budget", "sync_items"))).ShouldBe(2);
        var logged = await _logs.WaitForAsync(e => e.EventId == 1036 && e.Message.Contains("BigSync1", StringComparison.Ordinal), count: 2);
        logged.ShouldContain(e => e.Message.Contains("Status 4", StringComparison.Ordinal) && e.Message.Contains("100000 items", StringComparison.Ordinal) && e.Message.Contains("sync_items", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_item_operations_over_its_cap_is_answered_status_11_and_one_within_it_runs()
    {
        var user = MailboxUser.Create(dovecot, "bigfetch");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "BigFetch1");
        var inbox = phone.IdOf("INBOX");
        var before = await _server.ScrapeMetricsAsync();

        var over = await phone.Client.PostAsync("ItemOperations", ItemOperations(inbox, 6));
        over.Status.ShouldBe(HttpStatusCode.OK);
        over.Body.ShouldNotBeNull().ValueOf(IoPage.Status).ShouldBe("11", "MS-ASCMD 3.1.5.10: over the ItemOperations limit");
        over.Body.Element(IoPage.Response).ShouldBeNull("no operation ran");

        var within = await phone.Client.PostAsync("ItemOperations", ItemOperations(inbox, 5));
        within.Status.ShouldBe(HttpStatusCode.OK);
        var body = within.Body.ShouldNotBeNull();
        body.ValueOf(IoPage.Status).ShouldBe("1");
        var answered = 0;
        foreach (var operation in body.Element(IoPage.Response).ShouldNotBeNull().Children) answered += operation.Tag == IoPage.Fetch ? 1 : 0;
        answered.ShouldBe(5, "each Fetch is answered (the items do not exist: Status 6 each)");

        var after = await _server.ScrapeMetricsAsync();
        (after.Sum("eas_throttled_total", ("budget", "itemoperations_items")) - before.Sum("eas_throttled_total", ("budget", "itemoperations_items"))).ShouldBe(1);
        (await _logs.WaitForAsync(e => e.EventId == 1036 && e.Message.Contains("BigFetch1", StringComparison.Ordinal))).ShouldHaveSingleItem().Message.ShouldContain("Status 11");
    }

    private static IEnumerable<WbxmlElement> Fetches(int count) => Enumerable.Range(1, count).Select(i => MailRequests.Fetch($"1:{i}"));

    private static WbxmlElement ItemOperations(string inbox, int fetches) =>
        WbxmlElement.WithChildren(IoPage.ItemOperationsElement, Enumerable.Range(1, fetches).Select(i => WbxmlElement.WithChildren(IoPage.Fetch,
            WbxmlElement.WithText(IoPage.Store, "Mailbox"), WbxmlElement.WithText(AirSync.CollectionId, inbox), WbxmlElement.WithText(AirSync.ServerId, $"{inbox}:{i}"))));
}
