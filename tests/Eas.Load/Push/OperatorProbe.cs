using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Eas.Load.Measuring;
using Eas.Load.Safety;
using Spectre.Console;

namespace Eas.Load.Push;

/// <summary>
/// What operators' tools cost the server while every Ping is parked. Four kinds of window of equal length, taken
/// in turns: quiet (nothing but the parked Pings), a control (one GET /healthz per second: what any request a
/// second costs), <c>top</c>'s load (one GET /admin/api/stats per second,
/// which is all <c>eas-server top</c> asks of the server), and a Prometheus scraper (one GET /metrics per second,
/// each timed end to end). The server's own CPU time is read from /proc at each window's edges.
/// </summary>
internal static class OperatorProbe
{
    public const string Admin = "bench";
    public const string AdminPassword = "bench-admin";

    /// <summary>How many times the three windows take turns; the median of each kind's turns is reported, so one burst of mail does not decide.</summary>
    private const int Rounds = 3;

    public static async Task<OperatorFigures> RunAsync(Uri server, int serverProcessId, TimeSpan window, CancellationToken token)
    {
        using var http = LoopbackHttp.CreateClient(timeout: TimeSpan.FromSeconds(30));
        http.BaseAddress = server;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Admin}:{AdminPassword}")));
        await Task.Delay(TimeSpan.FromSeconds(10), token);
        var turn = window / Rounds;
        List<WindowFigures> quiet = [], health = [], top = [], metrics = [];
        for (var round = 0; round < Rounds; round++)
        {
            quiet.Add(await MeasureAsync(serverProcessId, turn, null, token));
            health.Add(await MeasureAsync(serverProcessId, turn, () => http.GetAsync("/healthz", token), token));
            top.Add(await MeasureAsync(serverProcessId, turn, () => http.GetAsync("/admin/api/stats", token), token));
            metrics.Add(await MeasureAsync(serverProcessId, turn, () => http.GetAsync("/metrics", token), token));
        }

        var bursts = new List<BurstFigures>();
        foreach (var path in new[] { "/healthz", "/admin/api/stats", "/metrics" }) bursts.Add(await BurstAsync(http, serverProcessId, path, token));
        return new OperatorFigures(window, Combine(quiet), Combine(health), Combine(top), Combine(metrics)) { Bursts = bursts };
    }

    /// <summary>How many requests of one kind a burst sends back to back: enough that /proc's 10 ms ticks resolve a tenth of a millisecond per request.</summary>
    private const int BurstRequests = 300;

    /// <summary>The server's CPU per request of one kind, from <see cref="BurstRequests"/> requests sent one after the other.</summary>
    private static async Task<BurstFigures> BurstAsync(HttpClient http, int serverProcessId, string path, CancellationToken token)
    {
        var before = ProcessCpu.OwnTime(serverProcessId) ?? TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < BurstRequests; i++)
        {
            using var response = await http.GetAsync(path, token);
            _ = await response.Content.ReadAsByteArrayAsync(token);
        }

        var cpu = (ProcessCpu.OwnTime(serverProcessId) ?? TimeSpan.Zero) - before;
        return new BurstFigures(path, cpu.TotalMilliseconds / BurstRequests, clock.Elapsed.TotalMilliseconds / BurstRequests);
    }

    /// <summary>The median CPU of the turns, and the latencies of all of them together.</summary>
    private static WindowFigures Combine(List<WindowFigures> turns) => new(
        turns.Select(t => t.ServerCpuMsPerSecond).Order().ElementAt(turns.Count / 2),
        LatencySummary.Of("poll", [.. turns.SelectMany(t => t.Samples)]),
        turns[^1].LastBytes,
        turns.Sum(t => t.Failures))
    {
        Samples = [.. turns.SelectMany(t => t.Samples)],
        CpuPerTurn = [.. turns.Select(t => t.ServerCpuMsPerSecond)],
    };

    private static async Task<WindowFigures> MeasureAsync(int serverProcessId, TimeSpan window, Func<Task<HttpResponseMessage>>? poll, CancellationToken token)
    {
        var cpuBefore = ProcessCpu.OwnTime(serverProcessId) ?? TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var latencies = new List<double>();
        long bytes = 0;
        var failures = 0;
        while (clock.Elapsed < window)
        {
            var tick = clock.Elapsed;
            if (poll is not null)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await poll();
                var body = await response.Content.ReadAsByteArrayAsync(token);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                bytes = body.Length;
                if (!response.IsSuccessStatusCode) failures++;
            }

            var next = tick + TimeSpan.FromSeconds(1) - clock.Elapsed;
            if (next > TimeSpan.Zero) await Task.Delay(next, token);
        }

        var cpu = (ProcessCpu.OwnTime(serverProcessId) ?? TimeSpan.Zero) - cpuBefore;
        return new WindowFigures(cpu.TotalMilliseconds / clock.Elapsed.TotalSeconds, LatencySummary.Of("poll", [.. latencies]), bytes, failures) { Samples = latencies };
    }

    public static void Print(OperatorFigures figures)
    {
        var table = new Table().Title($"Operator tools while all Pings are parked ({figures.Window.TotalSeconds:0} s each, in {Rounds} turns taken in rotation)")
            .AddColumns("window", "server CPU ms/s (median; turns)", "requests", "p50 ms", "p99 ms", "max ms", "bytes", "failed");
        void Row(string name, WindowFigures w) => table.AddRow(name,
            $"{F(w.ServerCpuMsPerSecond, "0.0")} ({string.Join(", ", w.CpuPerTurn.Select(c => F(c, "0.0")))})", w.Latency.Count.ToString(CultureInfo.InvariantCulture),
            F(w.Latency.P50, "0.0"), F(w.Latency.P99, "0.0"), F(w.Latency.Max, "0.0"), w.LastBytes.ToString("N0", CultureInfo.InvariantCulture), w.Failures.ToString(CultureInfo.InvariantCulture));
        Row("quiet", figures.Quiet);
        Row("control: /healthz 1/s", figures.Health);
        Row("top (stats 1/s)", figures.Top);
        Row("scrape /metrics 1/s", figures.Metrics);
        AnsiConsole.Write(table);
        var bursts = new Table().Title($"Server CPU per request, {BurstRequests} requests back to back while all Pings are parked").AddColumns("request", "server CPU ms", "wall ms");
        foreach (var burst in figures.Bursts) bursts.AddRow(burst.Path, F(burst.ServerCpuMs, "0.00"), F(burst.WallMs, "0.00"));
        AnsiConsole.Write(bursts);
    }

    private static string F(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
}

/// <summary>The three windows of an <see cref="OperatorProbe"/> run.</summary>
internal sealed record OperatorFigures(TimeSpan Window, WindowFigures Quiet, WindowFigures Health, WindowFigures Top, WindowFigures Metrics)
{
    public IReadOnlyList<BurstFigures> Bursts { get; init; } = [];
}

/// <summary>A burst of one request kind: the server's CPU and the wall time per request.</summary>
internal sealed record BurstFigures(string Path, double ServerCpuMs, double WallMs);

/// <summary>One window: the server's CPU per wall second, and the polls' latency, last body size and failures.</summary>
internal sealed record WindowFigures(double ServerCpuMsPerSecond, LatencySummary Latency, long LastBytes, int Failures)
{
    public IReadOnlyList<double> Samples { get; init; } = [];

    public IReadOnlyList<double> CpuPerTurn { get; init; } = [];
}
