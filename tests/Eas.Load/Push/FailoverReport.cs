using System.Globalization;
using Eas.Load.Reporting;
using Spectre.Console;

namespace Eas.Load.Push;

/// <summary>
/// The failover of <c>push-bench --kill-node N</c> in the report: which node died and when, how many phones it reached,
/// when the last of them was answered again and when the survivors held every Ping again, forced resyncs, the requests
/// that failed at the kill apart from the errors, the messages appended afterwards and the verdict (<see cref="FailoverVerdict"/>); a chart of phones answered again and Pings parked on the survivors over the seconds
/// since the kill, and the samples as CSV.
/// </summary>
internal static class FailoverReport
{
    public static void Print(PushOutcome o)
    {
        if (o.Failover is not { } f) return;
        var table = new Table().Title("Failover").AddColumns("", "");
        table.AddRow("killed", string.Create(CultureInfo.InvariantCulture, $"node {f.Plan.Node} (SIGKILL), {f.Plan.KillAfter.TotalSeconds:0} s after every phone had parked"));
        table.AddRow("phones affected", string.Create(CultureInfo.InvariantCulture, $"{f.Counts.Affected:N0} of {o.Devices:N0} (a request failed after the kill); {f.Counts.Waiting:N0} not answered again at the end"));
        table.AddRow("answered again", f.Counts.AllAnsweredAfter is { } last ? Seconds(last) + " after the kill (the last affected phone)" : "not all");
        table.AddRow("failover over", f.RecoveredAfter is { } over
            ? Seconds(over) + string.Create(CultureInfo.InvariantCulture, $" after the kill (every affected phone answered again and {f.Expected:N0} Pings parked on the survivors)")
            : string.Create(CultureInfo.InvariantCulture, $"not within {f.Plan.Limit.TotalSeconds:0} s"));
        table.AddRow("answered again, p50/p90/max", Quantiles(f.AnsweredSeconds));
        table.AddRow("forced resyncs", $"{f.Counts.ForcedResyncs} (Sync Status 3 or 12, FolderSync Status 9; must be 0)");
        table.AddRow("failed at the kill", $"{o.FailedAtKill:N0} requests (dead node, timeout or 5xx before failover was over), retried and answered");
        table.AddRow("errors", $"{o.HoldErrors:N0} outside the kill (must be 0)");
        table.AddRow("after failover", $"{f.DeliveredAfter} of {f.Plan.Accounts} accounts got one message; pushes missing {o.Pushes.Missing} ({o.Pushes.MissingByCause})");
        var failures = FailoverVerdict.Failures(o);
        table.AddRow("verdict", failures.Count == 0 ? "passed" : "FAILED: " + string.Join("; ", failures));
        AnsiConsole.Write(table);
        foreach (var (message, count) in o.KillMessages) AnsiConsole.MarkupLineInterpolated($"[yellow]failed at the kill x{count}:[/] {message}");
    }

    public static string Summary(PushOutcome o) => o.Failover is not { } f ? "" : string.Create(CultureInfo.InvariantCulture,
        $"failover: node {f.Plan.Node} killed, {f.Counts.Affected} phones affected, last answered again {Seconds(f.Counts.AllAnsweredAfter)}, over {Seconds(f.RecoveredAfter)} after the kill; " +
        $"failed at the kill {o.FailedAtKill}; forced resyncs {f.Counts.ForcedResyncs}; {f.DeliveredAfter} deliveries after, missing {o.Pushes.Missing}; ");

    public static void Draw(RunReport report, PushOutcome o)
    {
        if (o.Failover is not { } f || f.Samples.Count == 0) return;
        double[] seconds = [.. f.Samples.Select(s => s.Since.TotalSeconds)];
        report.Draw("failover.png", $"Failover: phones answered again and Pings parked on the survivors, seconds since node {f.Plan.Node} was killed",
            path => Charts.Series(path, "Failover after kill -9", "phones", [
                ("affected", seconds, [.. f.Samples.Select(s => (double)s.Affected)]),
                ("answered again", seconds, [.. f.Samples.Select(s => (double)s.AnsweredAgain)]),
                ("parked on survivors", [.. f.Samples.Where(s => s.ParkedOnSurvivors is not null).Select(s => s.Since.TotalSeconds)],
                    [.. f.Samples.Where(s => s.ParkedOnSurvivors is not null).Select(s => (double)s.ParkedOnSurvivors!.Value)]),
            ], []));
        report.Data("failover.csv", "seconds_since_kill,affected,answered_again,parked_on_survivors",
            f.Samples.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Since.TotalSeconds:0.0},{s.Affected},{s.AnsweredAgain},{s.ParkedOnSurvivors}")));
    }

    private static string Seconds(TimeSpan? value) => value is { } v ? v.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "never";

    private static string Quantiles(IReadOnlyList<double> sorted) => sorted.Count == 0 ? "none" : string.Create(CultureInfo.InvariantCulture,
        $"{sorted[(sorted.Count - 1) / 2]:0.0} / {sorted[(int)((sorted.Count - 1) * 0.9)]:0.0} / {sorted[^1]:0.0} s");
}
