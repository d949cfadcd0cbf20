using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Eas.Actors.Mailboxes.Imap;
using Eas.Integration.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Eas.Integration.Tests;

/// <summary>
/// A first sign-in that waits longer than <c>Eas:Limits:ImapLoginWaitSeconds</c> for its turn at the node's IMAP
/// sign-in gate is answered 503 with Retry-After (MS-ASHTTP 3.1.5.2.3), not 401: the server is busy, the password
/// is not in question, and the phone's retry once the turn is free succeeds. The test holds the gate's only place
/// itself, so the outcome does not depend on how fast Dovecot answers.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class ImapLoginWaitTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null,
    [
        "--Eas:Limits:ConcurrentImapLogins=1",
        "--Eas:Limits:ImapLoginWaitSeconds=1",
    ]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MS_ASHTTP_3_1_5_2_3_a_first_sign_in_whose_wait_for_its_turn_runs_out_gets_503_with_Retry_After_not_401()
    {
        var gate = _server.Services.GetRequiredService<ImapLoginGate>();
        var user = MailboxUser.Create(dovecot, "waited");
        using var http = _server.CreateHttpClient();
        var refusedBefore = await RefusedSignInsAsync();

        using (await gate.EnterAsync(CancellationToken.None))
        {
            using var busy = await OptionsAsync(http, user.Address, user.Password);

            busy.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, "the only sign-in place is held past the 1 s wait");
            busy.Headers.RetryAfter.ShouldNotBeNull();
        }

        using var retried = await OptionsAsync(http, user.Address, user.Password);
        retried.StatusCode.ShouldBe(HttpStatusCode.OK, "the retry once the place is free");
        (await RefusedSignInsAsync()).ShouldBe(refusedBefore + 1);
    }

    private async Task<double> RefusedSignInsAsync() => (await _server.ScrapeMetricsAsync()).Sum("eas_imap_logins_refused_total");

    private static async Task<HttpResponseMessage> OptionsAsync(HttpClient http, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/Microsoft-Server-ActiveSync");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return await http.SendAsync(request);
    }
}
