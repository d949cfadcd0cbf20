using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Eas.Load.Measuring;

namespace Eas.Load.Abuse;

/// <summary>
/// Phones that hang up in the middle of their body: a signed-in Sync that declares a large Content-Length, sends
/// a few bytes, waits a moment and closes the connection. The server should count each as 499 (the client went
/// away), not as a server error; read from <c>eas_requests_total</c>.
/// </summary>
internal static class HungUpBodies
{
    private const int DeclaredBytes = 100_000;

    public static async Task<AbuseResult> RunAsync(HttpClient http, AbuseTarget target, int count, CancellationToken token)
    {
        var before = await PrometheusText.ScrapeAsync(http, target.BaseUrl, token);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) await HangUpAsync(target, token);
        await Task.Delay(TimeSpan.FromSeconds(1), token);
        var after = await PrometheusText.ScrapeAsync(http, target.BaseUrl, token);
        double Count(string? text, string status) => text is null ? 0 : PrometheusText.Sum(text, "eas_requests_total", "status", status) ?? 0;
        var aborted = Count(after, "499") - Count(before, "499");
        var errors = Count(after, "500") - Count(before, "500");
        return new AbuseResult(
            "Body hang-up",
            $"{count} Syncs declaring {DeclaredBytes:N0} bytes, closed after 64",
            $"499: {aborted:0}, 500: {errors:0}",
            $"{clock.Elapsed.TotalSeconds:0.0} s",
            "counted as the client's abort, not a server error");
    }

    private static async Task HangUpAsync(AbuseTarget target, CancellationToken token)
    {
        using var socket = new Socket(target.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(target.Address, target.BaseUrl.Port), token);
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{target.User}:{target.Password}"));
        var head = string.Create(CultureInfo.InvariantCulture,
            $"POST /Microsoft-Server-ActiveSync?Cmd=Sync&User={Uri.EscapeDataString(target.User)}&DeviceId=AbuseHangUp&DeviceType=AbuseLoad HTTP/1.1\r\n" +
            $"Host: {target.BaseUrl.Authority}\r\nAuthorization: Basic {credentials}\r\nMS-ASProtocolVersion: 14.1\r\n" +
            $"Content-Type: application/vnd.ms-sync.wbxml\r\nContent-Length: {DeclaredBytes}\r\n\r\n");
        await socket.SendAsync(Encoding.ASCII.GetBytes(head), token);
        await socket.SendAsync(new byte[64], token);
        await Task.Delay(TimeSpan.FromMilliseconds(500), token);
        socket.Close();
    }
}
