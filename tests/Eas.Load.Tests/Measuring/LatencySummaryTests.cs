using Eas.Load.Measuring;

namespace Eas.Load.Tests.Measuring;

public class LatencySummaryTests
{
    [Fact]
    public void Percentiles_are_nearest_rank_over_all_samples()
    {
        var summary = LatencySummary.Of("push", [.. Enumerable.Range(1, 100).Select(i => (double)i)]);

        (summary.P50, summary.P90, summary.P99, summary.Max, summary.Count).ShouldBe((50, 90, 99, 100, 100));
    }

    [Fact]
    public void With_few_samples_p99_is_the_largest()
    {
        LatencySummary.Of("push", [5, 1, 3]).P99.ShouldBe(5);
    }

    [Fact]
    public void The_recorder_gives_back_a_command_s_samples_in_order()
    {
        var recorder = new LatencyRecorder();
        recorder.Record("Sync", TimeSpan.FromMilliseconds(3));
        recorder.Record("Ping", TimeSpan.FromMilliseconds(9));
        recorder.Record("Sync", TimeSpan.FromMilliseconds(1));

        recorder.Samples("Sync").ShouldBe([3, 1]);
        recorder.Samples("FolderSync").ShouldBeEmpty();
    }
}
