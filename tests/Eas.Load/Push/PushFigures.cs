using Eas.Load.Bench;
using Eas.Load.Measuring;
using Eas.Load.Reporting;

namespace Eas.Load.Push;

/// <summary>
/// The charts of a push bench: push latency (APPEND completed to Ping answered) as histogram and CDF, each server's RSS
/// and descriptors over the run, and the phases read off the bench's snapshots: setup until half the devices parked,
/// the rest of the setup with the settling, the wait for the command sessions to close, the hold, and the drain (waiting
/// for pushes still owed after the hold).
/// </summary>
internal static class PushFigures
{
    public static void Draw(RunReport report, PushOutcome outcome, PushBenchSettings settings, IReadOnlyList<ResourceSample> samples)
    {
        var phases = Phases(outcome, settings);
        ReportFigures.Latency(report, "push-latency", "Push latency, APPEND completed to Ping answered (ms)", outcome.Pushes.LatenciesMs);
        ReportFigures.Resources(report, samples, phases);
        ReportFigures.Phases(report, "push-bench", phases);
        FailoverReport.Draw(report, outcome);
        report.Data("push-latencies.csv", "latency_ms", outcome.Pushes.LatenciesMs.Select(ms => ms.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The phases between the snapshots; the hold is its nominal length, what followed until the end snapshot is the drain.</summary>
    public static IReadOnlyList<Phase> Phases(PushOutcome outcome, PushBenchSettings settings)
    {
        List<Phase> phases = [];
        if (outcome.Snapshot("before setup") is not { } before || outcome.Snapshot("after setup") is not { } after) return phases;
        if (outcome.Snapshot("half parked") is { } half)
        {
            phases.Add(new Phase("setup: half parked", before.At, half.At));
            phases.Add(new Phase("setup: rest + settle", half.At, after.At));
        }
        else
        {
            phases.Add(new Phase("setup + settle", before.At, after.At));
        }

        var holdStart = after.At;
        if (outcome.Snapshot(PushRun.IdleMoment) is { } idle)
        {
            phases.Add(new Phase("sessions idle", after.At, idle.At));
            holdStart = idle.At;
        }

        if (outcome.Snapshot("end of hold") is not { } end) return phases;
        var holdEnd = holdStart + TimeSpan.FromSeconds(settings.HoldSeconds);
        if (holdEnd > end.At) holdEnd = end.At;
        phases.Add(new Phase("hold", holdStart, holdEnd));
        phases.Add(new Phase("drain", holdEnd, end.At));
        return phases;
    }
}
