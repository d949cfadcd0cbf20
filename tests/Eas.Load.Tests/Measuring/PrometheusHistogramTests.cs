using Eas.Load.Measuring;

namespace Eas.Load.Tests.Measuring;

public class PrometheusHistogramTests
{
    private const string Before = """
        # TYPE eas_push_latency_seconds histogram
        eas_push_latency_seconds_bucket{otel_scope_name="Eas.Server",le="0.1"} 2
        eas_push_latency_seconds_bucket{otel_scope_name="Eas.Server",le="0.5"} 4
        eas_push_latency_seconds_bucket{otel_scope_name="Eas.Server",le="1"} 4
        eas_push_latency_seconds_bucket{otel_scope_name="Eas.Server",le="+Inf"} 4
        eas_push_latency_seconds_sum{otel_scope_name="Eas.Server"} 0.8
        eas_push_latency_seconds_count{otel_scope_name="Eas.Server"} 4
        eas_ping_parked{otel_scope_name="Eas.Server"} 3
        """;

    private const string After = """
        eas_push_latency_seconds_bucket{otel_scope_name="Eas.Server",le="0.1"} 12
        eas_push_latency_seconds_bucket{otel_scope_name="Eas.Server",le="0.5"} 94
        eas_push_latency_seconds_bucket{otel_scope_name="Eas.Server",le="1"} 103
        eas_push_latency_seconds_bucket{otel_scope_name="Eas.Server",le="+Inf"} 104
        eas_push_latency_seconds_sum{otel_scope_name="Eas.Server"} 30.8
        eas_push_latency_seconds_count{otel_scope_name="Eas.Server"} 104
        """;

    [Fact]
    public void Buckets_sum_and_count_are_read_in_bound_order()
    {
        var histogram = PrometheusHistogram.Parse(Before, "eas_push_latency_seconds").ShouldNotBeNull();

        histogram.Buckets.ShouldBe([(0.1, 2), (0.5, 4), (1, 4), (double.PositiveInfinity, 4)]);
        histogram.Sum.ShouldBe(0.8);
        histogram.Count.ShouldBe(4);
        histogram.Mean.ShouldBe(0.2, 1e-9);
    }

    [Fact]
    public void A_family_without_series_is_null()
    {
        PrometheusHistogram.Parse("eas_ping_parked 3\n", "eas_push_latency_seconds").ShouldBeNull();
    }

    [Fact]
    public void The_difference_of_two_readings_is_what_was_observed_between_them()
    {
        var between = PrometheusHistogram.Parse(After, "eas_push_latency_seconds")!.Minus(PrometheusHistogram.Parse(Before, "eas_push_latency_seconds"));

        between.Buckets.ShouldBe([(0.1, 10), (0.5, 90), (1, 99), (double.PositiveInfinity, 100)]);
        between.Count.ShouldBe(100);
        between.Mean.ShouldBe(0.3, 1e-9);
    }

    [Fact]
    public void Quantiles_interpolate_inside_the_bucket_as_histogram_quantile_does()
    {
        var histogram = new PrometheusHistogram([(0.1, 10), (0.5, 90), (1, 99), (double.PositiveInfinity, 100)], 30, 100);

        histogram.Quantile(0.05).ShouldBe(0.05, 1e-9);
        histogram.Quantile(0.5).ShouldBe(0.1 + 0.4 * 40 / 80, 1e-9);
        histogram.Quantile(0.99).ShouldBe(1, 1e-9);
        histogram.Quantile(0.999).ShouldBe(1, 1e-9);
    }

    [Fact]
    public void An_empty_histogram_has_quantile_zero()
    {
        new PrometheusHistogram([(0.1, 0), (double.PositiveInfinity, 0)], 0, 0).Quantile(0.99).ShouldBe(0);
    }
}
