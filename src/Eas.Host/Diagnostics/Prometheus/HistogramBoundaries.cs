using System.Diagnostics.Metrics;

namespace Eas.Host.Diagnostics.Prometheus;

/// <summary>
/// The explicit bucket boundaries of a histogram: the instrument's advice
/// (<see cref="InstrumentAdvice{T}.HistogramBucketBoundaries"/>) where it gives some, else fixed boundaries by unit.
/// Fixed, because Prometheus can only aggregate buckets across instances and restarts when every series has the same.
/// </summary>
internal static class HistogramBoundaries
{
    /// <summary>
    /// Durations in seconds, from 5 ms up to an hour: a parked Ping is an HTTP request that lasts up to its heartbeat
    /// (at most 3540 s), and its request duration should still land in a bucket of its own.
    /// </summary>
    public static readonly double[] Seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 1800, 3600];

    /// <summary>Counts of things (<c>{message}</c>, <c>{item}</c>, ...): roughly 1-2-5 steps up to ten thousand.</summary>
    public static readonly double[] Counts = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

    public static double[] For(Instrument instrument) =>
        Advice(instrument) ?? (instrument.Unit == "s" ? Seconds : Counts);

    private static double[]? Advice(Instrument instrument) => instrument switch
    {
        Instrument<byte> i => ToDoubles(i.Advice?.HistogramBucketBoundaries, value => value),
        Instrument<short> i => ToDoubles(i.Advice?.HistogramBucketBoundaries, value => value),
        Instrument<int> i => ToDoubles(i.Advice?.HistogramBucketBoundaries, value => value),
        Instrument<long> i => ToDoubles(i.Advice?.HistogramBucketBoundaries, value => value),
        Instrument<float> i => ToDoubles(i.Advice?.HistogramBucketBoundaries, value => value),
        Instrument<double> i => ToDoubles(i.Advice?.HistogramBucketBoundaries, value => value),
        Instrument<decimal> i => ToDoubles(i.Advice?.HistogramBucketBoundaries, value => (double)value),
        _ => null,
    };

    /// <summary>The advice's boundaries; InstrumentAdvice already refuses boundaries that are not strictly ascending.</summary>
    private static double[]? ToDoubles<T>(IReadOnlyList<T>? boundaries, Func<T, double> convert) =>
        boundaries is { Count: > 0 } ? [.. boundaries.Select(convert)] : null;
}
