using System.Net;
using System.Net.Sockets;
using System.Text;
using Eas.Host.Tests.Diagnostics;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;

namespace Eas.Integration.Tests;

/// <summary>
/// The request line as real clients send it, over real HTTP against Dovecot: parameters outside MS-ASHTTP are
/// ignored as Exchange ignores them, DeviceIds with hyphens and underscores work, and the outcomes that are the
/// client's (a body cut short by a hang-up, a body over the limit) are counted as such, never as a server error.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class RequestLineTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null, _logs.AddTo, "--Eas:Requests:MaxBodyBytes=4096");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("android-1a2b3c4d", "&PolicyKey=0")]
    [InlineData("SEC_0123_abcd", "&Protocol=14.1&x-client=Foo")]
    public async Task A_phone_with_a_hyphenated_DeviceId_and_extra_parameters_provisions_and_syncs_folders(string deviceId, string extraQuery)
    {
        var user = MailboxUser.Create(dovecot, "lenient");
        var phone = _server.Phone(user.Address, user.Password, deviceId, "14.1");
        await phone.ProvisionAsync();

        var folders = await phone.PostAsync("FolderSync", MailRequests.FolderSync("0"), extraQuery);

        folders.Status.ShouldBe(HttpStatusCode.OK);
        folders.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("1");
        var again = await phone.PostAsync("FolderSync", MailRequests.FolderSync(folders.Body!.ValueOf(FolderHierarchy.SyncKey)!), extraQuery);
        again.Body!.ValueOf(FolderHierarchy.Status).ShouldBe("1", "the same device, found again by its DeviceId");
    }

    [Fact]
    public async Task A_DeviceId_with_a_slash_or_a_dot_is_400_up_to_12_1()
    {
        // From 14.0 the same refusal is Status 108 in the body (MS-ASCMD 2.2.2): CommonStatusTests.
        using var http = _server.CreateHttpClient();

        (await PostAsync(http, "Cmd=FolderSync&User=mike&DeviceId=a%2Fb&DeviceType=T", [], "12.1")).ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync(http, "Cmd=FolderSync&User=mike&DeviceId=a.b&DeviceType=T", [], "12.1")).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_a_hang_up_mid_body_is_counted_as_the_clients_not_as_500()
    {
        using var http = _server.CreateHttpClient();
        var before = await _server.ScrapeMetricsAsync();

        (await PostAsync(http, "Cmd=FolderSync&User=mike&DeviceId=Big1&DeviceType=T", new byte[8192])).ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        await HangUpMidBodyAsync();

        var after = await _server.ScrapeMetricsAsync();
        for (var wait = 0; wait < 50 && Moved(before, after, ("status", "499")) < 1; wait++)
        {
            await Task.Delay(100);
            after = await _server.ScrapeMetricsAsync();
        }

        Moved(before, after, ("command", "FolderSync"), ("status", "413")).ShouldBe(1);
        Moved(before, after, ("command", "FolderSync"), ("status", "499")).ShouldBe(1, "the phone hung up while sending its body");
        Moved(before, after, ("status", "500")).ShouldBe(0);
        var tooLarge = (await _logs.WaitForAsync(e => e.EventId == 1000 && e.Message.StartsWith("FolderSync ", StringComparison.Ordinal) && e.Message.Contains(" Big1 v14.1 -> 413 in ", StringComparison.Ordinal))).ShouldHaveSingleItem();
        tooLarge.Message.ShouldEndWith(" B out (body larger than Eas:Requests:MaxBodyBytes (4096 bytes))");
        var hungUp = (await _logs.WaitForAsync(e => e.EventId == 1000 && e.Message.StartsWith("FolderSync ", StringComparison.Ordinal) && e.Message.Contains(" Cut1 v14.1 -> 499 in ", StringComparison.Ordinal))).ShouldHaveSingleItem();
        hungUp.Message.ShouldEndWith(" (the client hung up while sending its body)");
    }

    [Fact]
    public async Task Each_ActiveSync_request_is_one_line_of_the_request_log_and_a_scrape_is_not()
    {
        var user = MailboxUser.Create(dovecot, "logline");
        var phone = _server.Phone(user.Address, user.Password, "LogLine1", "14.1");
        await phone.ProvisionAsync();

        (await phone.PostAsync("FolderSync", MailRequests.FolderSync("0"))).Status.ShouldBe(HttpStatusCode.OK);
        await _server.ScrapeMetricsAsync();

        var account = user.Address.ToLowerInvariant();
        var line = (await _logs.WaitForAsync(e => e.EventId == 1000 && e.Message.StartsWith($"FolderSync {account} LogLine1 v14.1 -> 200 in ", StringComparison.Ordinal))).ShouldHaveSingleItem();
        line.Level.ShouldBe(Microsoft.Extensions.Logging.LogLevel.Information);
        line.Category.ShouldBe("Eas.Host.Diagnostics.Logging.RequestLogging", "a level override can name the request log");
        line.Message.ShouldMatch(@" -> 200 in \d+\.\d ms, \d+ B in, [1-9]\d* B out$");
        (await _logs.WaitForAsync(e => e.EventId == 1000 && e.Message.StartsWith($"Provision {account} LogLine1 v14.1 -> 200 ", StringComparison.Ordinal), count: 2)).Count.ShouldBe(2);
        _logs.Entries.ShouldNotContain(e => e.Message.Contains("/metrics"), "a scrape is logged at Debug only");
        _logs.Entries.ShouldNotContain(e => e.Message.Contains(user.Password), "passwords never reach a log");
    }

    /// <summary>Sends headers promising 1,000 bytes, then 10 of them, and closes the connection.</summary>
    private async Task HangUpMidBodyAsync()
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(_server.Address.Host, _server.Address.Port);
        var stream = socket.GetStream();
        var head = "POST /Microsoft-Server-ActiveSync?Cmd=FolderSync&User=mike&DeviceId=Cut1&DeviceType=T HTTP/1.1\r\n" +
            $"Host: {_server.Address.Authority}\r\nAuthorization: Basic {Credentials}\r\nMS-ASProtocolVersion: 14.1\r\n" +
            "Content-Type: application/vnd.ms-sync.wbxml\r\nContent-Length: 1000\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(new byte[10]);
        await stream.FlushAsync();
        await Task.Delay(300);
        socket.Client.Shutdown(SocketShutdown.Both);
    }

    private static string Credentials => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DovecotFixture.Mike}:{DovecotFixture.MikePassword}"));

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string query, byte[] body, string version = "14.1")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Microsoft-Server-ActiveSync?" + query) { Content = new ByteArrayContent(body) };
        request.Headers.Add("Authorization", "Basic " + Credentials);
        request.Headers.Add("MS-ASProtocolVersion", version);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static double Moved(PrometheusScrape before, PrometheusScrape after, params (string, string)[] labels) =>
        after.Sum("eas_requests_total", labels) - before.Sum("eas_requests_total", labels);
}
