using System.Globalization;
using System.Text;
using Eas.Load.Measuring;
using Spectre.Console;

namespace Eas.Load.InitialSync;

/// <summary>
/// Prints an initial-sync outcome: totals, each device, latency by command, CPU by process tree, the server's RSS series, and a
/// one-line summary meant to be pasted into an issue.
/// </summary>
internal static class InitialSyncReport
{
    private const int DeviceRows = 20;
    private const int RssPoints = 24;

    public static void Print(InitialSyncOutcome outcome)
    {
        var settings = outcome.Settings;
        var totals = new Table().Title("Initial sync").AddColumns("", "");
        totals.AddRow("devices", $"{outcome.Devices.Count} (completed {outcome.Devices.Count(d => d.Completed)})");
        totals.AddRow("items", $"{outcome.Items:N0}{Expectation(settings)}; duplicate ServerIds {outcome.Duplicates}");
        totals.AddRow("seconds", $"{outcome.Elapsed.TotalSeconds:0.00}");
        totals.AddRow("items/s", outcome.Devices.Count > 1
            ? $"{outcome.ItemsPerSecond:N0} together (all devices' items over the run's wall time); per device {string.Join(", ", outcome.Devices.Select(d => d.ItemsPerSecond.ToString("N0", CultureInfo.InvariantCulture)))}"
            : $"{outcome.ItemsPerSecond:N0} overall");
        totals.AddRow("received", $"{outcome.Bytes / 1048576.0:0.0} MiB");
        totals.AddRow("requests / errors", $"{outcome.Devices.Sum(d => d.Requests):N0} / {outcome.Errors}");
        totals.AddRow("settings", $"EAS {settings.Version}, window {settings.WindowSize}, plain text truncated to {settings.Truncation} bytes");
        totals.AddRow("result", outcome.Passed ? "[green]passed[/]" : "[red]FAILED[/]");
        if (outcome.StopReason is { } reason) totals.AddRow("stopped", Markup.Escape(reason));
        AnsiConsole.Write(totals);

        PrintDevices(outcome.Devices);
        PrintLatencies(outcome.Latencies);
        PrintCpu(outcome.Cpu);
        if (outcome.Rss is { } rss) PrintRss(rss);
        AnsiConsole.WriteLine();
        AnsiConsole.WriteLine(Summary(outcome));
    }

    /// <summary>One plain line with the figures that matter, e.g. for an issue note.</summary>
    public static string Summary(InitialSyncOutcome outcome)
    {
        var settings = outcome.Settings;
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"initial sync: {outcome.Items} items in {outcome.Elapsed.TotalSeconds:0.00} s = {outcome.ItemsPerSecond:0} items/s");
        text.Append(CultureInfo.InvariantCulture, $" ({outcome.Devices.Count} device(s), EAS {settings.Version}, window {settings.WindowSize}, truncation {settings.Truncation})");
        if (outcome.Latencies.FirstOrDefault(l => l.Command == "Sync") is { } sync)
            text.Append(CultureInfo.InvariantCulture, $"; Sync latency p50 {sync.P50:0} ms, p99 {sync.P99:0} ms");
        text.Append(CultureInfo.InvariantCulture, $"; errors {outcome.Errors}; duplicates {outcome.Duplicates}");
        if (outcome.Rss is { } rss)
            text.Append(CultureInfo.InvariantCulture, $"; server RSS first {Mib(rss.FirstKib)} min {Mib(rss.MinKib)} max {Mib(rss.MaxKib)} last {Mib(rss.LastKib)} MiB");
        foreach (var use in outcome.Cpu)
            text.Append(CultureInfo.InvariantCulture, $"; {use.Name} CPU {use.Cpu.TotalSeconds:0.00} s ({use.MillisecondsPerItem:0.000} ms/item)");
        text.Append(outcome.Passed ? "; passed" : "; FAILED");
        return text.ToString();
    }

    private static void PrintDevices(IReadOnlyList<DeviceResult> devices)
    {
        var table = new Table().Title("Devices").AddColumns("device", "items", "windows", "sync s", "items/s", "errors", "end reached", "problem");
        foreach (var device in devices.Take(DeviceRows))
        {
            table.AddRow(
                device.DeviceId, device.Items.ToString("N0", CultureInfo.InvariantCulture), device.Windows.ToString(CultureInfo.InvariantCulture),
                device.SyncElapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture), device.ItemsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                device.Errors.ToString(CultureInfo.InvariantCulture), device.Completed ? "yes" : "[red]no[/]",
                Markup.Escape(device.Failure ?? device.StopReason ?? ""));
        }

        if (devices.Count > DeviceRows) table.Caption($"... and {devices.Count - DeviceRows} more");
        AnsiConsole.Write(table);
    }

    private static void PrintLatencies(IReadOnlyList<LatencySummary> latencies)
    {
        var table = new Table().Title("Request latency (ms)").AddColumns("command", "count", "p50", "p90", "p99", "max", "mean");
        foreach (var l in latencies)
        {
            table.AddRow(l.Command, l.Count.ToString(CultureInfo.InvariantCulture), Ms(l.P50), Ms(l.P90), Ms(l.P99), Ms(l.Max), Ms(l.Mean));
        }

        AnsiConsole.Write(table);
    }

    private static void PrintCpu(IReadOnlyList<CpuUse> cpu)
    {
        var table = new Table().Title("CPU during the run").AddColumns("process tree", "CPU s", "of one core", "CPU ms per item");
        foreach (var use in cpu)
        {
            table.AddRow(use.Name, use.Cpu.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture),
                use.ShareOfOneCore.ToString("P0", CultureInfo.InvariantCulture), use.MillisecondsPerItem.ToString("0.000", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
    }

    private static void PrintRss(RssSeries rss)
    {
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture,
            "[bold]Server RSS[/] (pid {0}, VmRSS every {1} ms, {2} samples): first {3}, min {4}, max {5}, last {6} MiB; last - first {7:+0.0;-0.0;0.0} MiB",
            rss.ProcessId, InitialSyncSettings.RssInterval.TotalMilliseconds, rss.Samples.Count,
            Mib(rss.FirstKib), Mib(rss.MinKib), Mib(rss.MaxKib), Mib(rss.LastKib), (rss.LastKib - rss.FirstKib) / 1024.0);
        var series = string.Join("  ", rss.Thinned(RssPoints).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.At.TotalSeconds:0.0}s:{s.Kib / 1024.0:0}")));
        AnsiConsole.WriteLine("  series (seconds:MiB): " + series);
    }

    private static string Expectation(InitialSyncSettings settings) =>
        settings.ExpectedItems is { } expected ? string.Create(CultureInfo.InvariantCulture, $" (expected {expected:N0} per device)") : "";

    private static string Ms(double value) => value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static string Mib(long kib) => (kib / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
}
