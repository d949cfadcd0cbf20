using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Eas.Actors.Diagnostics;
using Eas.Host.Limits;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Microsoft.Extensions.DependencyInjection;

namespace Eas.Integration.Tests;

/// <summary>
/// The node's limits over real HTTP against Dovecot, on one server capped at 5 connections, one IMAP sign-in at a
/// time, and command sessions closed after 2 s without a command: the connection past the cap is answered 503 with
/// Retry-After (MS-ASHTTP 3.1.5.2.3) and the server goes on serving; at the cap the node's own paths (health, metrics,
/// Dovecot's push post) are still served and a push reaches the Ping parked before; first sign-ins at once all succeed,
/// one after the other; an idle command session is closed and the next Sync reopens it. The sign-in whose wait runs
/// out is <see cref="ImapLoginWaitTests"/>. The server takes Dovecot's push posts (webhook mode), which the test sends.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class NodeLimitsTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private const int MaxConnections = 5;
    private const string PushSecret = "node-limits-push";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null,
    [
        $"--Eas:Limits:MaxConnections={MaxConnections}",
        "--Eas:Limits:ConcurrentImapLogins=1",
        "--Eas:Imap:CommandSessionIdleSeconds=2",
        "--Eas:Push:Mode=Webhook",
        $"--Eas:Push:Webhook:Secret={PushSecret}",
    ]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ConnectionAdmission Admission => _server.Services.GetRequiredService<ConnectionAdmission>();

    [Fact]
    public async Task MS_ASHTTP_3_1_5_2_3_the_connection_past_the_cap_gets_503_with_Retry_After_and_the_server_answers_afterwards()
    {
        await UntilAsync(() => Admission.Open == 0, "connections of earlier tests closed");
        var held = new List<TcpClient>();
        try
        {
            for (var i = 0; i < MaxConnections; i++)
            {
                var client = new TcpClient();
                held.Add(client);
                await client.ConnectAsync(_server.Address.Host, _server.Address.Port);
            }

            await UntilAsync(() => Admission.Open == MaxConnections, "the five idle connections admitted");
            using var sixth = _server.CreateHttpClient();
            using var refused = await sixth.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/Microsoft-Server-ActiveSync"));

            refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            refused.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(30));
            refused.Headers.ConnectionClose.ShouldBe(true);
        }
        finally
        {
            foreach (var client in held) client.Dispose();
        }

        await UntilAsync(() => Admission.Open == 0, "the five idle connections closed");
        using var http = _server.CreateHttpClient();
        (await http.GetStringAsync(new Uri("/healthz", UriKind.Relative))).ShouldBe("ok");
        var user = MailboxUser.Create(dovecot, "capped");
        (await OptionsAsync(http, user.Address, user.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _server.ScrapeMetricsAsync()).Sum("eas_connections_refused_total").ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task MS_ASHTTP_3_1_5_2_3_at_the_cap_health_metrics_and_Dovecots_push_post_are_served_while_a_phone_is_refused_and_the_push_reaches_the_parked_Ping()
    {
        await UntilAsync(() => Admission.Open == 0, "connections of earlier tests closed");
        var user = MailboxUser.Create(dovecot, "atcap");
        await user.DeliverAsync(1);
        using var phoneHttp = _server.CreateHttpClient();
        var phone = new SyncingPhone(new EasTestClient(phoneHttp, user.Address, user.Password, "AtTheCap1", "14.1"));
        await phone.Client.ProvisionAsync();
        await phone.FolderSyncAsync();
        var inbox = phone.IdOf("INBOX");
        await phone.SyncAllAsync(inbox);
        var parked = _server.Services.GetRequiredService<PushMetrics>();
        var ping = phone.Client.PostAsync("Ping", PingRequests.Ping(300, inbox));
        await UntilAsync(() => parked.ParkedNow == 1 || ping.IsCompleted, "the Ping parked");
        ping.IsCompleted.ShouldBeFalse("nothing had changed, so the Ping waits");
        var refusedBefore = (await _server.ScrapeMetricsAsync()).Sum("eas_connections_refused_total");
        var held = new List<TcpClient>();
        try
        {
            await UntilAsync(() => Admission.Open == 1, "only the phone's connection open, the scrape's closed");
            for (var i = 1; i < MaxConnections; i++)
            {
                var client = new TcpClient();
                held.Add(client);
                await client.ConnectAsync(_server.Address.Host, _server.Address.Port);
            }

            await UntilAsync(() => Admission.Open == MaxConnections, "the cap reached: the parked Ping and idle connections");
            using var http = _server.CreateHttpClient();
            using (var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative)))
            {
                health.StatusCode.ShouldBe(HttpStatusCode.OK);
                health.Headers.ConnectionClose.ShouldBe(true, "served over the cap, the connection is not kept");
            }

            var page = await _server.ScrapeMetricsAsync();
            using (var phoneRequest = await http.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/Microsoft-Server-ActiveSync")))
                phoneRequest.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

            await user.DeliverAsync(2);
            using var post = new HttpRequestMessage(HttpMethod.Post, "/push/dovecot")
            {
                Content = new StringContent($$"""{"user":"{{user.Address}}","events":[{"event":"MessageNew","mailbox":"INBOX"}]}""", Encoding.UTF8, "application/json"),
            };
            post.Headers.Add("X-Eas-Push-Secret", PushSecret);
            using (var pushed = await http.SendAsync(post))
                pushed.StatusCode.ShouldBe(HttpStatusCode.NoContent);

            var answer = (await ping.WaitAsync(Patience)).Body.ShouldNotBeNull();
            answer.ValueOf(Ping.Status).ShouldBe("2");
            page.Sum("eas_connections_cap").ShouldBe((double)MaxConnections);
            ((await _server.ScrapeMetricsAsync()).Sum("eas_connections_refused_total") - refusedBefore).ShouldBe(1.0, "only the phone's request was refused");
        }
        finally
        {
            foreach (var client in held) client.Dispose();
        }
    }

    [Fact]
    public async Task Past_the_hard_stop_a_connection_is_closed_unanswered_and_counted_as_refused()
    {
        await UntilAsync(() => Admission.Open == 0 && Admission.OverCap == 0, "connections of earlier tests closed");
        var hardStop = Admission.Cap.HardStop.ShouldNotBeNull();
        var refusedBefore = (await _server.ScrapeMetricsAsync()).Sum("eas_connections_refused_total");
        await UntilAsync(() => Admission.Open == 0, "the scrape's connection closed");
        var held = new List<TcpClient>();
        try
        {
            for (var i = 0; i < hardStop; i++)
            {
                var client = new TcpClient();
                held.Add(client);
                await client.ConnectAsync(_server.Address.Host, _server.Address.Port);
            }

            await UntilAsync(() => Admission.Open == MaxConnections && Admission.OverCap == hardStop - MaxConnections, "the cap and the grace places taken");
            using var past = new TcpClient();
            var read = await RequestOrClosedAsync(past);
            read.ShouldBe(0, "closed without an answer");
        }
        finally
        {
            foreach (var client in held) client.Dispose();
        }

        await UntilAsync(() => Admission.Open == 0 && Admission.OverCap == 0, "every connection closed");
        var refused = (await _server.ScrapeMetricsAsync()).Sum("eas_connections_refused_total") - refusedBefore;
        refused.ShouldBe(hardStop - MaxConnections + 1.0, "each over-cap connection that sent nothing, and the one past the hard stop");
    }

    /// <summary>
    /// Connects <paramref name="client"/>, sends an OPTIONS request and returns the bytes read before the server closes the
    /// connection: 0 when it answers nothing. The server aborts at once, so the reset may come while the client is still
    /// connecting, writing or reading: each counts as closed unanswered.
    /// </summary>
    private async Task<int> RequestOrClosedAsync(TcpClient client)
    {
        using var deadline = new CancellationTokenSource(Patience);
        var buffer = new byte[512];
        try
        {
            await client.ConnectAsync(_server.Address.Host, _server.Address.Port, deadline.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"OPTIONS /Microsoft-Server-ActiveSync HTTP/1.1\r\nHost: {_server.Address.Authority}\r\n\r\n"), deadline.Token);
            return await stream.ReadAsync(buffer, deadline.Token);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            return 0;
        }
    }

    [Fact]
    public async Task First_sign_ins_at_once_take_their_turn_one_at_a_time_and_all_succeed()
    {
        await UntilAsync(() => Admission.Open == 0, "connections of earlier tests closed");
        var users = Enumerable.Range(0, 4).Select(_ => MailboxUser.Create(dovecot, "paced")).ToList();
        using var http = _server.CreateHttpClient();
        var refusedBefore = await RefusedSignInsAsync();

        var answers = await Task.WhenAll(users.Select(async user => (await OptionsAsync(http, user.Address, user.Password)).StatusCode));

        answers.ShouldAllBe(status => status == HttpStatusCode.OK);
        (await RefusedSignInsAsync()).ShouldBe(refusedBefore);
    }

    [Fact]
    public async Task An_idle_command_session_is_closed_and_the_next_Sync_reopens_it()
    {
        var user = MailboxUser.Create(dovecot, "idler");
        await user.DeliverAsync(1);
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "IdleSession1");
        var inbox = phone.IdOf("INBOX");
        await phone.SyncAsync(inbox);
        SyncingPhone.AddsOf(await phone.SyncAsync(inbox)).Count().ShouldBe(1);

        await UntilAsync(async () => await MailboxSessionsAsync() == 0, "the command session closed after 2 s without a command");
        await user.DeliverAsync(2);
        var next = await phone.SyncAsync(inbox);

        next.ValueOf(AirSync.Status).ShouldBe("1");
        SyncingPhone.AddsOf(next).Select(a => a.Data.ValueOf(Email.Subject)).ShouldBe(["Message 2"]);
    }

    private async Task<double> RefusedSignInsAsync() => (await _server.ScrapeMetricsAsync()).Sum("eas_imap_logins_refused_total");

    private async Task<double> MailboxSessionsAsync() => (await _server.ScrapeMetricsAsync()).Sum("eas_imap_sessions", ("purpose", "mailbox"));

    private static async Task<HttpResponseMessage> OptionsAsync(HttpClient http, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/Microsoft-Server-ActiveSync");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return await http.SendAsync(request);
    }

    private static Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);

    /// <summary>Waits for a condition the server reaches on its own (a connection's close seen, a timer fired), up to <see cref="Patience"/>.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            Stopwatch.GetElapsedTime(started).ShouldBeLessThan(Patience, what);
            await Task.Delay(50);
        }
    }
}
