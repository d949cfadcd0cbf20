using System.Diagnostics;
using System.Globalization;
using Eas.Load.Eas;
using Eas.Load.Measuring;
using Eas.Load.Safety;
using Spectre.Console;

namespace Eas.Load.InitialSync;

/// <summary>
/// Runs the simulated phones of an initial sync side by side against one server, each with its own
/// DeviceId (fresh for every run, so every run is a first sync), shows their progress, samples the server's
/// RSS when its process id is known, accounts the CPU time of the given process trees and its own over the
/// run, and gathers the figures. Bounded by the deadline: when it passes, each
/// device stops where it is and the outcome reports what was done.
/// </summary>
internal static class InitialSyncRun
{
    /// <summary>Up to this many devices get a progress bar each; more share the total bar.</summary>
    private const int BarsPerDevice = 8;

    public static async Task<InitialSyncOutcome> RunAsync(InitialSyncSettings settings, RunDeadline deadline)
    {
        using var http = LoopbackHttp.CreateClient(Math.Max(16, settings.Devices * 2));
        var latencies = new LatencyRecorder();
        var runId = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        if (settings.WarmupWindows > 0) await WarmUpAsync(http, settings, runId, deadline);
        var devices = Enumerable.Range(1, settings.Devices)
            .Select(i => (Number: i, Client: new EasClient(http, settings.Endpoint, DeviceFor(settings, runId, i), latencies)))
            .ToList();
        var windows = new List<WindowMark>();

        CpuSource[] cpuSources = [.. settings.CpuSources ?? [], new CpuSource("eas-load (this tool)", Environment.ProcessId, Tree: false)];
        var cpuBefore = cpuSources.Select(source => source.Read()).ToArray();
        var sampler = settings.ServerProcessId is { } pid ? RssSampler.Start(pid, InitialSyncSettings.RssInterval, deadline.Token) : null;
        var clock = Stopwatch.StartNew();
        DeviceResult[] results = [];
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var expected = settings.ExpectedItems;
                var total = context.AddTask("all devices", maxValue: Math.Max(1, (expected ?? 1) * (double)settings.Devices));
                total.IsIndeterminate = expected is null;
                var totalItems = 0;
                results = await Task.WhenAll(devices.Select(async entry =>
                {
                    var client = entry.Client;
                    var bar = devices.Count <= BarsPerDevice ? context.AddTask(client.Device.DeviceId, maxValue: Math.Max(1, expected ?? 1)) : null;
                    if (bar is not null) bar.IsIndeterminate = expected is null;
                    var mine = 0;
                    var device = new SyncingDevice(client, settings.WindowSize, settings.Truncation, folder: settings.Folder);
                    var result = await device.RunAsync(added =>
                    {
                        mine += added;
                        lock (windows) windows.Add(new WindowMark(entry.Number, clock.Elapsed, added));
                        var all = Interlocked.Add(ref totalItems, added);
                        bar?.Increment(added);
                        if (bar is not null) bar.Description = $"{client.Device.DeviceId} {mine:N0}";
                        total.Increment(added);
                        total.Description = $"all devices {all:N0} items, {all / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0}/s";
                    }, deadline);
                    bar?.StopTask();
                    return result;
                }));
                total.StopTask();
            });
        clock.Stop();
        var items = results.Sum(r => r.Items);
        var cpu = cpuSources.Select((source, i) => source.Read() is { } after && cpuBefore[i] is { } before
            ? new CpuUse(source.Name, after - before, clock.Elapsed, items)
            : null).OfType<CpuUse>().ToList();
        var rss = sampler is null ? null : await sampler.StopAsync();
        return new InitialSyncOutcome(settings, results, clock.Elapsed, latencies.Summarize(), rss, cpu, deadline.StopReason)
        {
            Windows = [.. windows.OrderBy(w => w.At)],
            SyncLatenciesMs = latencies.Samples("Sync"),
        };
    }

    /// <summary>Device 0 syncs the first windows of the inbox; nothing of it is counted.</summary>
    private static async Task WarmUpAsync(HttpClient http, InitialSyncSettings settings, string runId, RunDeadline deadline)
    {
        var rss = settings.ServerProcessId is { } pid && RssSampler.ReadKib(pid) is { } kib ? $", server RSS before {kib / 1024.0:0.0} MiB" : "";
        var client = new EasClient(http, settings.Endpoint, DeviceFor(settings, runId, 0), new LatencyRecorder());
        var clock = Stopwatch.StartNew();
        var result = await new SyncingDevice(client, settings.WindowSize, settings.Truncation, settings.WarmupWindows, settings.Folder).RunAsync(_ => { }, deadline);
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Warm-up (not counted): device {result.DeviceId} synced {result.Items:N0} items in {result.Windows} windows, {clock.Elapsed.TotalSeconds:0.00} s{rss}"));
        if (result.Failure is { } failure) AnsiConsole.MarkupLineInterpolated($"[red]Warm-up failed:[/] {failure}");
    }

    private static EasDevice DeviceFor(InitialSyncSettings settings, string runId, int index) =>
        new(settings.UserOf(index), settings.Password, string.Create(CultureInfo.InvariantCulture, $"Load{runId}{index:D4}"), "EasLoad", settings.Version);
}
