using System.Net;
using Eas.Host.Tests.Diagnostics;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;

namespace Eas.Integration.Tests;

/// <summary>
/// <c>/metrics</c> over real HTTP after real requests against Dovecot: the counters move by exactly what the requests
/// did, and every scrape passes the strict text-format parser (which the Host tests link from the same file).
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class MetricsTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Requests_sign_in_failures_and_IMAP_work_are_counted_in_a_valid_scrape()
    {
        var user = MailboxUser.Create(dovecot, "metrics");
        var phone = _server.Phone(user.Address, user.Password, "Metrics1", "14.1");
        var intruder = _server.Phone(user.Address, "not-the-password", "Metrics2", "14.1");
        var before = await ScrapeAsync();

        (await phone.OptionsAsync()).StatusCode.ShouldBe(HttpStatusCode.OK);
        await phone.ProvisionAsync();
        (await phone.PostAsync("FolderSync", MailRequests.FolderSync("0"))).Body!.ValueOf(FolderHierarchy.Status).ShouldBe("1");
        (await intruder.PostAsync("FolderSync", MailRequests.FolderSync("0"))).Status.ShouldBe(HttpStatusCode.Unauthorized);
        var after = await ScrapeAsync();
        for (var wait = 0; wait < 50 && after.Sum("eas_requests_total") - before.Sum("eas_requests_total") < 4; wait++)
        {
            // A request is counted just after its response has left, so the last one may still be on its way.
            await Task.Delay(100);
            after = await ScrapeAsync();
        }

        double Moved(string name, params (string, string)[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
        Moved("eas_requests_total", ("command", "FolderSync"), ("version", "14.1"), ("status", "200")).ShouldBe(1);
        Moved("eas_requests_total", ("command", "unknown"), ("version", "-"), ("status", "401")).ShouldBe(1, "the request line is read only after sign-in");
        Moved("eas_requests_total", ("command", "Provision"), ("version", "14.1"), ("status", "200")).ShouldBe(2);
        Moved("eas_requests_total").ShouldBe(4, "OPTIONS is not an ActiveSync command and is not counted");
        Moved("eas_request_duration_seconds_count", ("command", "FolderSync"), ("status", "200")).ShouldBe(1);
        Moved("eas_request_duration_seconds_bucket", ("command", "FolderSync"), ("status", "200"), ("le", "+Inf")).ShouldBe(1);
        Moved("eas_auth_failures_total", ("reason", "rejected")).ShouldBe(1);
        Moved("eas_auth_failures_total").ShouldBe(1);
        after.Single("eas_requests_total", ("command", "FolderSync"), ("status", "200"), ("otel_scope_name", "Eas.Server")).ShouldBeGreaterThanOrEqualTo(1);
        after.Single("eas_imap_sessions", ("purpose", "mailbox")).ShouldBeGreaterThanOrEqualTo(1);
        Moved("eas_imap_command_duration_seconds_count", ("command", "authenticate")).ShouldBe(3, "two sign-ins checked, the refused one included, and one mailbox session opened, all with AUTHENTICATE PLAIN");
        Moved("eas_imap_command_duration_seconds_count", ("command", "login")).ShouldBe(0, "Dovecot offers AUTH=PLAIN, so LOGIN is never sent");
        Moved("eas_imap_command_duration_seconds_count", ("command", "list")).ShouldBeGreaterThanOrEqualTo(1);
        after.Single("eas_actor_entities", ("kind", "device")).ShouldBeGreaterThanOrEqualTo(1);
        after.Single("eas_cluster_members", ("status", "up")).ShouldBe(1, "a node with no seeds is a cluster of one");
        after.Families["eas_persistence_write_duration_seconds"].Type.ShouldBe("histogram");
    }

    [Fact]
    public async Task Email_items_a_Sync_sends_are_counted_by_class_and_direction()
    {
        var user = MailboxUser.Create(dovecot, "metrics-sync");
        for (var i = 1; i <= 3; i++) await user.DeliverAsync(i);
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Metrics3");
        var inbox = phone.IdOf("INBOX");
        await phone.SyncAsync(inbox);
        var before = await ScrapeAsync();

        var window = await phone.SyncAsync(inbox, windowSize: 10);

        SyncingPhone.AddsOf(window).Count().ShouldBe(3);
        var after = await ScrapeAsync();
        (after.Sum("eas_sync_items_total", ("class", "email"), ("direction", "sent")) - before.Sum("eas_sync_items_total", ("class", "email"), ("direction", "sent"))).ShouldBe(3);
        (after.Sum("eas_sync_items_total", ("class", "email"), ("direction", "received")) - before.Sum("eas_sync_items_total", ("class", "email"), ("direction", "received"))).ShouldBe(0);
    }

    /// <summary>Scrapes without credentials, as Prometheus does, and parses strictly.</summary>
    private async Task<PrometheusScrape> ScrapeAsync()
    {
        using var http = _server.CreateHttpClient();
        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        response.Content.Headers.ContentType!.Parameters.ShouldContain(new System.Net.Http.Headers.NameValueHeaderValue("version", "0.0.4"));
        return PrometheusTextParser.Parse(await response.Content.ReadAsStringAsync());
    }
}
