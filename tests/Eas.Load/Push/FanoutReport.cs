using System.Globalization;
using Eas.Load.Measuring;
using Eas.Load.Reporting;
using Spectre.Console;

namespace Eas.Load.Push;

/// <summary>
/// Prints a fan-out bench (devices, the APPENDs, push latency, missing pushes, the server's own share, the server's RSS
/// and descriptors, setup latencies, the goals, a one-line summary) and draws its charts: latency histogram and CDF,
/// each push's latency against when its APPEND completed, RSS and descriptors over time, and the phases.
/// </summary>
internal static class FanoutReport
{
    /// <summary>Issue 19: 1,000 mailboxes changed at once, p99 at most 1.5 s, none missing.</summary>
    public const double GoalP99Ms = 1_500;

    public static bool Passed(FanoutOutcome o) =>
        o.StopReason is null && o.SetupFailed == 0 && o.AppendFailed == 0 && o.Missing == 0 && o.Latency.Count > 0 && o.Latency.P99 <= GoalP99Ms;

    public static void Print(FanoutOutcome o, IReadOnlyList<ResourceSample> samples)
    {
        var push = o.Latency;
        var table = new Table().Title("Fan-out bench").AddColumns("", "");
        table.AddRow("accounts", $"{o.Accounts:N0}, one device each; set up {o.SetUp:N0}, failed {o.SetupFailed}; parked when the mail came {o.ParkedAtFanout:N0}");
        table.AddRow("fan-out", string.Create(CultureInfo.InvariantCulture,
            $"{o.Appended:N0} APPENDs released at once, {o.AppendFailed} failed{(o.FirstAppendFailure is { } f ? ": " + Markup.Escape(f) : "")}; all done in {o.FanoutElapsed.TotalSeconds:0.00} s"));
        table.AddRow("pushes", $"{push.Count:N0} answered Status 2; {o.Missing} missing (not answered within the heartbeat: {o.MissingByCause}); {o.SeenBySync} fetched by a Sync first; {o.Duplicates} synced twice; {o.Unexplained} Status 2 with nothing owed; {o.AnsweredBeforeAppendDone} answered before their APPEND's OK reached the bench");
        table.AddRow("push latency (ms)", string.Create(CultureInfo.InvariantCulture,
            $"p50 {push.P50:0} p90 {push.P90:0} p99 {push.P99:0} max {push.Max:0} mean {push.Mean:0} (APPEND completed to Ping answered)"));
        var sent = o.SinceSent;
        table.AddRow("from APPEND sent (ms)", string.Create(CultureInfo.InvariantCulture,
            $"p50 {sent.P50:0} p90 {sent.P90:0} p99 {sent.P99:0} max {sent.Max:0} (upper bound: includes Dovecot saving the message)"));
        table.AddRow("server's share", ServerShare(o));
        table.AddRow("errors", $"{o.SetupErrors} while setting up, {o.HoldErrors} after the fan-out");
        table.AddRow("server", Resources(samples));
        if (o.StopReason is { } reason) table.AddRow("stopped", Markup.Escape(reason));
        AnsiConsole.Write(table);
        foreach (var (message, count) in o.ErrorMessages) AnsiConsole.MarkupLineInterpolated($"[red]error x{count}:[/] {message}");

        var latencies = new Table().Title("Setup request latency (ms)").AddColumns("command", "count", "p50", "p90", "p99", "max");
        foreach (var l in o.SetupLatencies)
        {
            latencies.AddRow(l.Command, l.Count.ToString("N0", CultureInfo.InvariantCulture), Ms(l.P50), Ms(l.P90), Ms(l.P99), Ms(l.Max));
        }

        AnsiConsole.Write(latencies);
        AnsiConsole.MarkupLineInterpolated(
            $"Goal p99 at most {GoalP99Ms:0} ms from APPEND, none missing: {(push.Count > 0 && push.P99 <= GoalP99Ms && o.Missing == 0 ? "met" : "NOT met")} (p99 {push.P99:0} ms, {o.Missing} missing)");
    }

    public static string Summary(FanoutOutcome o, string pushMode)
    {
        var push = o.Latency;
        return string.Create(CultureInfo.InvariantCulture,
            $"fanout bench: push {pushMode}; {o.ParkedAtFanout}/{o.Accounts} Pings parked; {o.Appended} APPENDs at once in {o.FanoutElapsed.TotalSeconds:0.00} s -> {push.Count} pushes, missing {o.Missing}; " +
            $"latency p50 {push.P50:0} ms p90 {push.P90:0} ms p99 {push.P99:0} ms max {push.Max:0} ms (from APPEND sent p99 {o.SinceSent.P99:0} ms); server's share {ServerShare(o)}; errors {o.SetupErrors} setup + {o.HoldErrors} after; {(Passed(o) ? "passed" : "FAILED")}");
    }

    public static void Draw(RunReport report, FanoutOutcome o, IReadOnlyList<ResourceSample> samples, IReadOnlyList<Phase> phases)
    {
        ReportFigures.Latency(report, "push-latency", "Push latency, APPEND completed to Ping answered (ms)", o.LatenciesMs);
        if (o.Pushes.Count > 0)
        {
            report.Draw("latency-by-append.png", "Each push's latency against when its APPEND completed (s after the APPENDs were released)",
                path => Charts.Points(path, "Push latency by APPEND completion", "APPEND completed (s after release)", "latency (ms)",
                    [("push", [.. o.Pushes.Select(p => p.AppendDoneSeconds)], [.. o.Pushes.Select(p => p.LatencyMs)])]));
        }

        ReportFigures.Resources(report, samples, phases);
        ReportFigures.Phases(report, "fanout-bench", phases);
        report.Data("pushes.csv", "append_done_s,latency_ms,since_sent_ms", o.Pushes.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.AppendDoneSeconds:0.000},{p.LatencyMs:0.0},{p.SinceSentMs:0.0}")));
    }

    private static string ServerShare(FanoutOutcome o) => o.ServerPush is { Count: > 0 } server
        ? string.Create(CultureInfo.InvariantCulture,
            $"{server.Count:0} pushes, mean {1000 * server.Mean:0} ms, p50 ~{1000 * server.Quantile(0.5):0} ms, p99 ~{1000 * server.Quantile(0.99):0} ms (eas_push_latency_seconds: change seen to reply handed to the edge; bucket estimates)")
        : "? (the server's /metrics had no eas_push_latency_seconds for the fan-out)";

    private static string Resources(IReadOnlyList<ResourceSample> samples)
    {
        if (samples.Count == 0) return "?";
        var rss = samples.Where(s => s.RssKib is not null).Select(s => s.RssKib!.Value).DefaultIfEmpty(0).ToList();
        var files = samples.Where(s => s.OpenFiles is not null).Select(s => s.OpenFiles!.Value).DefaultIfEmpty(0).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"RSS {rss[0] / 1024.0:0.0} -> max {rss.Max() / 1024.0:0.0} -> {rss[^1] / 1024.0:0.0} MiB; descriptors {files[0]} -> max {files.Max()} -> {files[^1]} ({samples.Count} samples, every second)");
    }

    private static string Ms(double value) => value.ToString("0", CultureInfo.InvariantCulture);
}
