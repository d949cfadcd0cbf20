using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Eas.Load.Eas;
using Eas.Load.Measuring;
using Eas.Wire.CodePages;

namespace Eas.Load.Abuse;

/// <summary>
/// A phone in a Ping loop: one device sends <c>rate</c> Pings a second for <c>seconds</c>, each parking for a
/// real heartbeat, none waiting for the one before (a newer Ping ends the parked one with Status 1). What comes
/// back is counted by HTTP status, Ping Status and X-MS-ASThrottle, and the server's own count of throttled
/// Pings is read from <c>/metrics</c>.
/// </summary>
internal static class PingLoop
{
    private const int HeartbeatSeconds = 300;

    public static async Task<AbuseResult> RunAsync(HttpClient http, AbuseTarget target, int rate, int seconds, CancellationToken token)
    {
        var device = await MisbehavingDevice.StartAsync(http, target, "AbusePingLoop", token);
        var before = await PrometheusText.ScrapeAsync(http, target.BaseUrl, token);
        var answers = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var sent = new List<Task>();
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rate * seconds && !token.IsCancellationRequested; i++)
        {
            sent.Add(PingAsync(device.Client, device.Inbox, answers, token));
            var due = interval * (i + 1) - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due, token);
        }

        var sending = clock.Elapsed;
        // A last request of the device ends the Ping still parked (Status 1), as the phone's next command would.
        await device.Client.PostAsync("FolderSync", EasBodies.FolderSync("0"), token);
        await Task.WhenAll(sent).WaitAsync(TimeSpan.FromSeconds(60), token);
        var after = await PrometheusText.ScrapeAsync(http, target.BaseUrl, token);
        var throttled = Delta(before, after, "pings") + Delta(before, after, "requests") + Delta(before, after, "device_concurrency") + Delta(before, after, "account_requests");
        return new AbuseResult(
            "Ping loop (one device)",
            $"{sent.Count:N0} Pings, {rate}/s for {seconds} s, heartbeat {HeartbeatSeconds} s",
            string.Join(", ", answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}: {a.Value}")),
            $"{sending.TotalSeconds:0.0} s",
            $"eas_throttled_total +{throttled:0} (pings +{Delta(before, after, "pings"):0}, device_concurrency +{Delta(before, after, "device_concurrency"):0})");
    }

    private static async Task PingAsync(EasClient client, string inbox, ConcurrentDictionary<string, int> answers, CancellationToken token)
    {
        string answer;
        try
        {
            var reply = await client.PostAsync("Ping", EasBodies.Ping(inbox, HeartbeatSeconds), TimeSpan.FromSeconds(HeartbeatSeconds + 60), token);
            answer = reply.Body?.ValueOf(Ping.Status) is { } status
                ? $"200 Status {status}"
                : reply.Throttle is { } condition ? $"{(int)reply.Status} {condition}" : ((int)reply.Status).ToString(CultureInfo.InvariantCulture);
        }
        catch (EasCallException e)
        {
            answer = e.Message;
        }

        answers.AddOrUpdate(answer, 1, (_, n) => n + 1);
    }

    public static double Delta(string? before, string? after, string budget) =>
        (after is null ? 0 : PrometheusText.Sum(after, "eas_throttled_total", "budget", budget) ?? 0) -
        (before is null ? 0 : PrometheusText.Sum(before, "eas_throttled_total", "budget", budget) ?? 0);
}
