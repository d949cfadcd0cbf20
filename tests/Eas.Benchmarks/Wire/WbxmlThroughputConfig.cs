using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Eas.Benchmarks.Wire;

/// <summary>
/// Adds the figures the codec's goals are stated in: throughput in MB/s (document bytes over the mean
/// time; MB is 10^6 bytes), time per element (MB/s alone flatters a document of long bodies), and bytes
/// allocated per element of the document.
/// </summary>
public sealed class WbxmlThroughputConfig : ManualConfig
{
    public WbxmlThroughputConfig()
    {
        AddColumn(new DerivedColumn("MB/s", $"Document bytes ({SyncResponseFixture.Document.Length:N0}) / mean time, in 10^6 bytes per second", MegabytesPerSecond));
        AddColumn(new DerivedColumn("ns/element", $"Mean time / {SyncResponseFixture.ElementCount} elements: what the document's density does not hide", TimePerElement));
        AddColumn(new DerivedColumn("B/element", $"Allocated bytes per operation / {SyncResponseFixture.ElementCount} elements", AllocatedPerElement));
    }

    private static string MegabytesPerSecond(Summary summary, BenchmarkCase benchmark)
    {
        var meanNanoseconds = summary[benchmark]?.ResultStatistics?.Mean;
        if (meanNanoseconds is not > 0) return "-";
        var megabytesPerSecond = SyncResponseFixture.Document.Length / (meanNanoseconds.Value / 1e9) / 1e6;
        return megabytesPerSecond.ToString("N0", CultureInfo.InvariantCulture);
    }

    private static string TimePerElement(Summary summary, BenchmarkCase benchmark)
    {
        var meanNanoseconds = summary[benchmark]?.ResultStatistics?.Mean;
        return meanNanoseconds is > 0
            ? (meanNanoseconds.Value / SyncResponseFixture.ElementCount).ToString("0.0", CultureInfo.InvariantCulture)
            : "-";
    }

    private static string AllocatedPerElement(Summary summary, BenchmarkCase benchmark)
    {
        var report = summary[benchmark];
        if (report is null) return "-";
        var bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmark);
        return bytes is { } allocated
            ? (allocated / (double)SyncResponseFixture.ElementCount).ToString("0.0", CultureInfo.InvariantCulture)
            : "-";
    }

    /// <summary>A column whose value is computed from the summary after the run.</summary>
    private sealed class DerivedColumn(string name, string legend, Func<Summary, BenchmarkCase, string> value) : IColumn
    {
        public string Id => nameof(WbxmlThroughputConfig) + "." + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => value(summary, benchmarkCase);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => value(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
