using Eas.Load.Reporting;

namespace Eas.Load.Tests.Reporting;

public class LatencyHistogramTests
{
    [Fact]
    public void Buckets_are_equal_width_up_to_the_maximum_rounded_to_1_2_or_5_times_a_power_of_ten()
    {
        var histogram = LatencyHistogram.Of([0, 10, 24.9, 25, 99, 180], buckets: 8);

        histogram.Ceiling.ShouldBe(200);
        histogram.Width.ShouldBe(25);
        histogram.Counts.ShouldBe([3, 1, 0, 1, 0, 0, 0, 1]);
        histogram.Overflow.ShouldBe(0);
    }

    [Fact]
    public void A_sample_equal_to_the_ceiling_goes_into_the_last_bucket()
    {
        var histogram = LatencyHistogram.Of([50, 100], buckets: 4);

        histogram.Ceiling.ShouldBe(100);
        histogram.Counts.ShouldBe([0, 0, 1, 1]);
    }

    [Fact]
    public void Outliers_far_above_the_p99_are_counted_as_overflow_not_drawn()
    {
        double[] samples = [.. Enumerable.Repeat(10.0, 199), 5_000];

        var histogram = LatencyHistogram.Of(samples, buckets: 10);

        histogram.Ceiling.ShouldBe(10);
        histogram.Overflow.ShouldBe(1);
        histogram.Counts.Sum().ShouldBe(199);
    }

    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1, 1)]
    [InlineData(1.2, 2)]
    [InlineData(3, 5)]
    [InlineData(730, 1000)]
    [InlineData(1500, 2000)]
    public void RoundUp_takes_the_next_1_2_5_step(double value, double expected) =>
        LatencyHistogram.RoundUp(value).ShouldBe(expected, 1e-9);

    [Fact]
    public void The_CDF_gives_each_sorted_sample_the_share_at_or_below_it()
    {
        var cdf = LatencyHistogram.Cdf([30, 10, 20, 40]);

        cdf.ShouldBe([(10, 0.25), (20, 0.5), (30, 0.75), (40, 1.0)]);
    }

    [Fact]
    public void A_long_CDF_is_thinned_keeping_the_first_and_last_sample()
    {
        var cdf = LatencyHistogram.Cdf([.. Enumerable.Range(1, 10_000).Select(i => (double)i)], points: 11);

        cdf.Count.ShouldBe(11);
        cdf[0].ShouldBe((1, 0.0001));
        cdf[^1].ShouldBe((10_000, 1.0));
    }

    [Fact]
    public void No_samples_give_empty_buckets_and_no_CDF()
    {
        LatencyHistogram.Of([]).Counts.Sum().ShouldBe(0);
        LatencyHistogram.Cdf([]).ShouldBeEmpty();
    }
}
