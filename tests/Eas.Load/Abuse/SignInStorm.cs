using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Eas.Load.Measuring;
using Eas.Load.Safety;

namespace Eas.Load.Abuse;

/// <summary>
/// A wrong-password storm: <c>requests</c> sign-ins with wrong passwords (each a different one, so no cache of a
/// refused password helps), <c>concurrency</c> at once, against one account or spread over many, while a control
/// user signs in with the right password every 200 ms on a fresh connection each time (OPTIONS, which needs a
/// sign-in, MS-ASHTTP 2.2.3). The control's latency is what other users feel during the storm.
/// </summary>
internal static class SignInStorm
{
    private static readonly TimeSpan ControlInterval = TimeSpan.FromMilliseconds(200);

    public static async Task<AbuseResult> RunAsync(AbuseTarget target, string scenario, int requests, int concurrency, int accounts, CancellationToken token)
    {
        var dovecotFailuresBefore = DovecotAuthFailures(target);
        var statuses = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var stormClient = LoopbackHttp.CreateClient(concurrency, TimeSpan.FromSeconds(60));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var control = ControlAsync(target, stop.Token);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests && !token.IsCancellationRequested; i = Interlocked.Increment(ref next))
            {
                var victim = $"abuse-victim-{i % accounts}@{target.Domain}";
                var status = await OptionsAsync(stormClient, target, victim, $"wrong-{Guid.NewGuid():N}", token);
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            }
        }));
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        var (latencies, controlFailures) = await control;
        var summary = LatencySummary.Of("control", latencies);
        var answers = string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}"));
        var imap = DovecotAuthFailures(target) is { } after && dovecotFailuresBefore is { } before ? $"; Dovecot saw {after - before} failed logins" : "";
        return new AbuseResult(
            scenario,
            $"{requests:N0} wrong passwords, {concurrency} at once, over {accounts} account{(accounts == 1 ? "" : "s")}",
            answers,
            $"{elapsed.TotalSeconds:0.0} s",
            $"control: {summary.Count} sign-ins, p50 {summary.P50:0} ms, p99 {summary.P99:0} ms, {controlFailures} not 200{imap}");
    }

    private static async Task<(List<double> Latencies, int Failures)> ControlAsync(AbuseTarget target, CancellationToken stop)
    {
        var latencies = new List<double>();
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            using (var fresh = LoopbackHttp.CreateClient(1, TimeSpan.FromSeconds(30)))
            {
                var clock = Stopwatch.StartNew();
                var status = await OptionsAsync(fresh, target, target.User, target.Password, CancellationToken.None);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                if (status != "200") failures++;
            }

            try
            {
                await Task.Delay(ControlInterval, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (latencies, failures);
    }

    private static async Task<string> OptionsAsync(HttpClient http, AbuseTarget target, string user, string password, CancellationToken token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, target.Endpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        try
        {
            using var response = await http.SendAsync(request, token);
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !token.IsCancellationRequested))
        {
            return "no answer";
        }
    }

    /// <summary>Failed IMAP logins in Dovecot's log (it writes "auth failed" for each), when the tool runs Dovecot.</summary>
    private static int? DovecotAuthFailures(AbuseTarget target) =>
        target.DovecotLog is { } log && File.Exists(log) ? File.ReadLines(log).Count(line => line.Contains("auth failed", StringComparison.Ordinal)) : null;
}
