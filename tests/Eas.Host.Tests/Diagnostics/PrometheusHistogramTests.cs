using System.Diagnostics.Metrics;
using Eas.Host.Diagnostics.Prometheus;

namespace Eas.Host.Tests.Diagnostics;

/// <summary>Histogram buckets: cumulative, inclusive upper bounds, ending at +Inf, from advice or fixed by unit.</summary>
public sealed class PrometheusHistogramTests
{
    [Fact]
    public void Buckets_are_cumulative_with_inclusive_bounds_and_count_equals_the_last_bucket()
    {
        using var test = new CollectorUnderTest();
        var depth = test.Meter.CreateHistogram("eas.depth", "{message}", "Depth.", null, new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 4, 16] });

        foreach (var value in new[] { 0, 1, 2, 4, 5, 16, 17, 1000 }) depth.Record(value);

        var scrape = test.Scrape();
        Bucket(scrape, "eas_depth", "1").ShouldBe(2);
        Bucket(scrape, "eas_depth", "4").ShouldBe(4);
        Bucket(scrape, "eas_depth", "16").ShouldBe(6);
        Bucket(scrape, "eas_depth", "+Inf").ShouldBe(8);
        scrape.Single("eas_depth_count").ShouldBe(8);
        scrape.Single("eas_depth_sum").ShouldBe(1045);
        scrape.Matching("eas_depth_bucket").Select(s => s.Labels["le"]).ShouldBe(["1", "4", "16", "+Inf"]);
    }

    [Fact]
    public void Without_advice_seconds_and_counts_get_their_fixed_boundaries()
    {
        using var test = new CollectorUnderTest();
        test.Meter.CreateHistogram<double>("eas.wait", "s", "Wait.").Record(0.2);
        test.Meter.CreateHistogram<long>("eas.size", "{item}", "Size.").Record(3);

        var scrape = test.Scrape();
        Bounds(scrape, "eas_wait_seconds").ShouldBe([.. HistogramBoundaries.Seconds, double.PositiveInfinity]);
        Bounds(scrape, "eas_size").ShouldBe([.. HistogramBoundaries.Counts, double.PositiveInfinity]);
        Bucket(scrape, "eas_wait_seconds", "0.25").ShouldBe(1);
        Bucket(scrape, "eas_wait_seconds", "0.1").ShouldBe(0);
        Bucket(scrape, "eas_size", "5").ShouldBe(1);
    }

    [Fact]
    public void The_servers_advised_histograms_keep_their_advice()
    {
        using var test = new CollectorUnderTest();
        test.Meter.CreateHistogram("eas.persistence.write.duration", "s", "Writes.", null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001] }).Record(0.0007);

        Bounds(test.Scrape(), "eas_persistence_write_duration_seconds").ShouldBe([0.0005, 0.001, double.PositiveInfinity]);
    }

    [Fact]
    public void NaN_is_dropped_and_a_negative_value_hides_the_sum()
    {
        using var test = new CollectorUnderTest();
        var skew = test.Meter.CreateHistogram<double>("eas.skew", "s", "Clock skew.");

        skew.Record(double.NaN);
        skew.Record(-2);
        skew.Record(1);

        var scrape = test.Scrape();
        scrape.Single("eas_skew_seconds_count").ShouldBe(2);
        scrape.Matching("eas_skew_seconds_sum").ShouldBeEmpty();
        Bucket(scrape, "eas_skew_seconds", "0.005").ShouldBe(1);
    }

    [Fact]
    public void Each_label_set_is_a_complete_histogram_of_its_own()
    {
        using var test = new CollectorUnderTest();
        var duration = test.Meter.CreateHistogram<double>("eas.request.duration", "s", "Requests.");

        duration.Record(0.01, new KeyValuePair<string, object?>("command", "Sync"));
        duration.Record(20, new KeyValuePair<string, object?>("command", "Ping"));
        duration.Record(2000, new KeyValuePair<string, object?>("command", "Ping"));

        var scrape = test.Scrape();
        scrape.Single("eas_request_duration_seconds_count", ("command", "Sync")).ShouldBe(1);
        scrape.Single("eas_request_duration_seconds_count", ("command", "Ping")).ShouldBe(2);
        scrape.Single("eas_request_duration_seconds_bucket", ("command", "Ping"), ("le", "1800")).ShouldBe(1);
        scrape.Single("eas_request_duration_seconds_bucket", ("command", "Ping"), ("le", "3600")).ShouldBe(2);
    }

    private static double Bucket(PrometheusScrape scrape, string family, string le) => scrape.Single(family + "_bucket", ("le", le));

    private static double[] Bounds(PrometheusScrape scrape, string family) =>
        [.. scrape.Matching(family + "_bucket").Select(s => s.Labels["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(s.Labels["le"], System.Globalization.CultureInfo.InvariantCulture))];
}
