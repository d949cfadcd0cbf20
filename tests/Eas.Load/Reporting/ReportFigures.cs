using Eas.Load.Measuring;

namespace Eas.Load.Reporting;

/// <summary>The charts every bench's report has: latency histogram and CDF, the servers' RSS and descriptors over time, the phases.</summary>
internal static class ReportFigures
{
    /// <summary><c>NAME-histogram.png</c> and <c>NAME-cdf.png</c> of latency samples in ms.</summary>
    public static void Latency(RunReport report, string name, string title, IReadOnlyCollection<double> samplesMs)
    {
        if (samplesMs.Count == 0)
        {
            report.Note($"{title}: no samples, no chart.");
            return;
        }

        report.Draw($"{name}-histogram.png", $"{title}: histogram", path => Charts.Histogram(path, title, samplesMs));
        report.Draw($"{name}-cdf.png", $"{title}: CDF", path => Charts.Cdf(path, title, samplesMs));
    }

    /// <summary><c>rss.png</c> and <c>descriptors.png</c> (with the connections the server counts, when it was asked), phases marked.</summary>
    public static void Resources(RunReport report, IReadOnlyList<ResourceSample> samples, IReadOnlyList<Phase> phases)
    {
        if (samples.Count == 0)
        {
            report.Note("No /proc samples of the server, no resource charts.");
            return;
        }

        var byProcess = samples.GroupBy(s => s.Process).ToList();
        report.Draw("rss.png", "Server RSS (VmRSS, every second)", path => Charts.Series(path, "Server RSS", "MiB",
            [.. byProcess.Select(g => Line(g.Key, g.Where(s => s.RssKib is not null), s => s.RssKib!.Value / 1024.0))], phases));
        report.Draw("descriptors.png", "Server open descriptors (/proc/PID/fd, every second) and connections it counts open (eas_connections_open, every 5 s)",
            path => Charts.Series(path, "Server descriptors and connections", "count",
                [
                    .. byProcess.Select(g => Line($"{g.Key} descriptors", g.Where(s => s.OpenFiles is not null), s => s.OpenFiles!.Value)),
                    .. byProcess.Select(g => Line($"{g.Key} connections", g.Where(s => s.Connections is not null), s => s.Connections!.Value)),
                ], phases));
    }

    public static void Phases(RunReport report, string title, IReadOnlyList<Phase> phases)
    {
        if (phases.Count == 0) return;
        report.Draw("phases.png", $"{title}: time per phase", path => Charts.Phases(path, title, phases));
    }

    private static (string Name, double[] Seconds, double[] Values) Line(string name, IEnumerable<ResourceSample> samples, Func<ResourceSample, double> value)
    {
        var list = samples.ToList();
        return (name, [.. list.Select(s => s.At.TotalSeconds)], [.. list.Select(value)]);
    }
}
