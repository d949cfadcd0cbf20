namespace Eas.Host.Diagnostics.Prometheus;

/// <summary>
/// One series (one label set) of a family, updated lock-free from any thread: a measurement is one or two interlocked
/// operations on this object. <see cref="Labels"/> is the series' label text, rendered once when the series is made.
/// </summary>
internal abstract class MetricSeries(byte[] labels)
{
    /// <summary>The labels as UTF-8 text without braces (<c>command="Sync",status="200"</c>); empty for none.</summary>
    public byte[] Labels { get; } = labels;

    public abstract void Record(long value);

    public abstract void Record(double value);

    /// <summary>Adds to a double kept as its bits, by compare-and-swap on the bits (a NaN never makes it spin).</summary>
    protected static void AddDouble(ref long bits, double value)
    {
        var current = Interlocked.Read(ref bits);
        while (true)
        {
            var next = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(current) + value);
            var seen = Interlocked.CompareExchange(ref bits, next, current);
            if (seen == current) return;
            current = seen;
        }
    }
}

/// <summary>A running sum (counters, up-down counters): integers exactly, floating-point values separately.</summary>
internal sealed class SumSeries(byte[] labels) : MetricSeries(labels)
{
    private long _integral;
    private long _floatingBits;

    public long Integral => Interlocked.Read(ref _integral);

    public double Floating => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _floatingBits));

    public override void Record(long value) => Interlocked.Add(ref _integral, value);

    public override void Record(double value) => AddDouble(ref _floatingBits, value);
}

/// <summary>The last value recorded (gauges, and observable instruments, which report their current value).</summary>
internal sealed class LastValueSeries(byte[] labels) : MetricSeries(labels)
{
    private long _bits;

    public double Value => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _bits));

    public override void Record(long value) => Record((double)value);

    public override void Record(double value) => Interlocked.Exchange(ref _bits, BitConverter.DoubleToInt64Bits(value));
}

/// <summary>
/// Explicit-bucket counts, the sum, and whether a negative value was seen (then the sum is not exposed: the
/// compatibility specification keeps <c>_sum</c> for histograms whose sum only grows). The count is not kept apart:
/// it is the total of the buckets, so a scrape's <c>_count</c> always equals its <c>+Inf</c> bucket.
/// </summary>
internal sealed class HistogramSeries(byte[] labels, double[] boundaries) : MetricSeries(labels)
{
    private readonly long[] _counts = new long[boundaries.Length + 1];
    private long _sumBits;
    private volatile bool _negative;

    public double Sum => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _sumBits));

    public bool SawNegative => _negative;

    /// <summary>The count of bucket <paramref name="index"/> alone (the last one is above every boundary).</summary>
    public long CountAt(int index) => Interlocked.Read(ref _counts[index]);

    public override void Record(long value) => Record((double)value);

    /// <summary>Counts the value in the first bucket whose boundary is at least the value (Prometheus <c>le</c>); NaN is dropped.</summary>
    public override void Record(double value)
    {
        if (double.IsNaN(value)) return;
        var index = Array.BinarySearch(boundaries, value);
        Interlocked.Increment(ref _counts[index >= 0 ? index : ~index]);
        AddDouble(ref _sumBits, value);
        if (value < 0) _negative = true;
    }
}
