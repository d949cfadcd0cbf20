using System.Diagnostics.Metrics;

namespace Eas.Host.Diagnostics.Exposition;

/// <summary>
/// The bucket boundaries of a histogram that gives no advice (<see cref="InstrumentAdvice{T}.HistogramBucketBoundaries"/>):
/// fixed by unit, because Prometheus can only aggregate buckets across instances and restarts when every series has
/// the same. Histograms with advice keep theirs (the IMAP and journal durations).
/// </summary>
internal static class HistogramBuckets
{
    /// <summary>
    /// Durations in seconds, from 5 ms up to an hour: a parked Ping is an HTTP request that lasts up to its heartbeat
    /// (at most 3540 s), and its request duration should still land in a bucket of its own.
    /// </summary>
    public static readonly double[] Seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 1800, 3600];

    /// <summary>Counts of things (<c>{message}</c>, <c>{item}</c>, ...): roughly 1-2-5 steps up to ten thousand.</summary>
    public static readonly double[] Counts = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

    /// <summary>The boundaries for <paramref name="instrument"/>; null when it is not a histogram or advises its own.</summary>
    public static double[]? For(Instrument instrument)
    {
        if (!IsHistogram(instrument) || HasAdvice(instrument)) return null;
        return instrument.Unit == "s" ? Seconds : Counts;
    }

    private static bool IsHistogram(Instrument instrument) =>
        instrument.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(Histogram<>);

    private static bool HasAdvice(Instrument instrument) => instrument switch
    {
        Instrument<byte> i => i.Advice?.HistogramBucketBoundaries is { Count: > 0 },
        Instrument<short> i => i.Advice?.HistogramBucketBoundaries is { Count: > 0 },
        Instrument<int> i => i.Advice?.HistogramBucketBoundaries is { Count: > 0 },
        Instrument<long> i => i.Advice?.HistogramBucketBoundaries is { Count: > 0 },
        Instrument<float> i => i.Advice?.HistogramBucketBoundaries is { Count: > 0 },
        Instrument<double> i => i.Advice?.HistogramBucketBoundaries is { Count: > 0 },
        Instrument<decimal> i => i.Advice?.HistogramBucketBoundaries is { Count: > 0 },
        _ => false,
    };
}
