using Eas.Load.Measuring;
using Eas.Load.Reporting;

namespace Eas.Load.Tests.Reporting;

/// <summary>The charts render headless on this machine (SkiaSharp's native library without dependencies) into real PNG files.</summary>
public sealed class ChartsTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly string _directory = Directory.CreateTempSubdirectory("eas-load-charts-").FullName;

    [Fact]
    public void A_report_with_latency_resources_and_phases_writes_PNG_files_and_both_pages()
    {
        var report = RunReport.Create(_directory, "test");
        double[] latencies = [.. Enumerable.Range(1, 500).Select(i => (double)i % 97 * 3)];
        IReadOnlyList<ResourceSample> samples = [.. Enumerable.Range(0, 20).Select(i => new ResourceSample(TimeSpan.FromSeconds(i), "server", 100_000 + i * 1_000, 300 + i, 40, i % 5 == 0 ? 10 + i : null))];
        IReadOnlyList<Phase> phases = [new("setup", TimeSpan.Zero, TimeSpan.FromSeconds(8)), new("hold", TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(19))];

        ReportFigures.Latency(report, "push-latency", "Push latency", latencies);
        ReportFigures.Resources(report, samples, phases);
        ReportFigures.Phases(report, "test", phases);
        report.Data("push-latencies.csv", "latency_ms", ["1.0", "2.5"]);
        report.Write("test run", "summary line");

        report.Figures.Select(f => f.File).ShouldBe(["push-latency-histogram.png", "push-latency-cdf.png", "rss.png", "descriptors.png", "phases.png"]);
        foreach (var figure in report.Figures)
        {
            var bytes = File.ReadAllBytes(Path.Combine(_directory, figure.File));
            bytes.Take(PngSignature.Length).ShouldBe(PngSignature, figure.File);
            bytes.Length.ShouldBeGreaterThan(5_000, figure.File);
        }

        File.ReadAllText(Path.Combine(_directory, ReportPage.HtmlFile)).ShouldContain("<img src=\"phases.png\"");
        File.ReadAllText(Path.Combine(_directory, ReportPage.TextFile)).ShouldContain("summary line");
        File.ReadAllLines(Path.Combine(_directory, "push-latencies.csv")).ShouldBe(["latency_ms", "1.0", "2.5"]);
        File.ReadAllText(Path.Combine(_directory, ReportPage.MarkdownFile)).ShouldContain("- Raw figures: push-latencies.csv");
    }

    [Fact]
    public void No_latency_samples_give_a_note_instead_of_a_chart()
    {
        var report = RunReport.Create(_directory, "test");

        ReportFigures.Latency(report, "sync-latency", "Sync latency", []);
        report.Write("empty");

        report.Figures.ShouldBeEmpty();
        File.ReadAllText(Path.Combine(_directory, ReportPage.MarkdownFile)).ShouldContain("- Sync latency: no samples, no chart.");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
