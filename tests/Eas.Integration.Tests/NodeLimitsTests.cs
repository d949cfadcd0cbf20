using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Eas.Host.Limits;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Microsoft.Extensions.DependencyInjection;

namespace Eas.Integration.Tests;

/// <summary>
/// The node's limits over real HTTP against Dovecot, on one server capped at 5 connections, one IMAP sign-in at a
/// time, and command sessions closed after 2 s without a command: the connection past the cap is answered 503 with
/// Retry-After (MS-ASHTTP 3.1.5.2.3) and the server goes on serving; first sign-ins at once all succeed, one after
/// the other; an idle command session is closed and the next Sync reopens it. The sign-in whose wait runs out is
/// <see cref="ImapLoginWaitTests"/>.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class NodeLimitsTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private const int MaxConnections = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null,
    [
        $"--Eas:Limits:MaxConnections={MaxConnections}",
        "--Eas:Limits:ConcurrentImapLogins=1",
        "--Eas:Imap:CommandSessionIdleSeconds=2",
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
            using var refused = await sixth.GetAsync(new Uri("/healthz", UriKind.Relative));

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
