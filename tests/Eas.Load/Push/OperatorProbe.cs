using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Eas.Load.Measuring;
using Spectre.Console;

namespace Eas.Load.Push;

/// <summary>
/// What operators' tools cost the server while every Ping is parked. Three windows of equal length, one after
/// the other: quiet (nothing but the parked Pings), <c>top</c>'s load (one GET /admin/api/stats per second,
/// which is all <c>eas-server top</c> asks of the server), and a Prometheus scraper (one GET /metrics per second,
/// each timed end to end). The server's own CPU time is read from /proc at each window's edges.
/// </summary>
internal static class OperatorProbe
{
    public const string Admin = "bench";
    public const string AdminPassword = "bench-admin";

    public static async Task<OperatorFigures> RunAsync(Uri server, int serverProcessId, TimeSpan window, CancellationToken token)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Admin}:{AdminPassword}")));
        await Task.Delay(TimeSpan.FromSeconds(10), token);
        var quiet = await MeasureAsync(serverProcessId, window, null, token);
        var top = await MeasureAsync(serverProcessId, window, () => http.GetAsync("/admin/api/stats", token), token);
        var metrics = await MeasureAsync(serverProcessId, window, () => http.GetAsync("/metrics", token), token);
        return new OperatorFigures(window, quiet, top, metrics);
    }

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
        return new WindowFigures(cpu.TotalMilliseconds / clock.Elapsed.TotalSeconds, LatencySummary.Of("poll", [.. latencies]), bytes, failures);
    }

    public static void Print(OperatorFigures figures)
    {
        var table = new Table().Title($"Operator tools while all Pings are parked ({figures.Window.TotalSeconds:0} s windows)")
            .AddColumns("window", "server CPU ms/s", "requests", "p50 ms", "p99 ms", "max ms", "bytes", "failed");
        void Row(string name, WindowFigures w) => table.AddRow(name, F(w.ServerCpuMsPerSecond, "0.0"), w.Latency.Count.ToString(CultureInfo.InvariantCulture),
            F(w.Latency.P50, "0.0"), F(w.Latency.P99, "0.0"), F(w.Latency.Max, "0.0"), w.LastBytes.ToString("N0", CultureInfo.InvariantCulture), w.Failures.ToString(CultureInfo.InvariantCulture));
        Row("quiet", figures.Quiet);
        Row("top (stats 1/s)", figures.Top);
        Row("scrape /metrics 1/s", figures.Metrics);
        AnsiConsole.Write(table);
    }

    private static string F(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
}

/// <summary>The three windows of an <see cref="OperatorProbe"/> run.</summary>
internal sealed record OperatorFigures(TimeSpan Window, WindowFigures Quiet, WindowFigures Top, WindowFigures Metrics);

/// <summary>One window: the server's CPU per wall second, and the polls' latency, last body size and failures.</summary>
internal sealed record WindowFigures(double ServerCpuMsPerSecond, LatencySummary Latency, long LastBytes, int Failures);
