using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Eas.Host.Diagnostics.Prometheus;

/// <summary>
/// The series of one Prometheus family (one instrument, or the same instrument created twice) and how they render.
/// </summary>
/// <remarks>
/// A measurement finds its series in a <see cref="ConcurrentDictionary{TKey,TValue}"/> searched with the span of
/// tags itself (<see cref="TagKeyComparer"/>): for a tag set seen before that is a lock-free read and no allocation,
/// then one or two interlocked operations on the series. Only a new tag set takes the lock, builds its
/// <see cref="TagKey"/> and renders its labels, once. At most <c>maxSeries</c> label sets are kept; measurements with
/// more go to the one series labelled <c>otel_metric_overflow="true"</c> (as the OpenTelemetry SDK's cardinality
/// limit does), and a warning is logged the first time.
/// </remarks>
internal sealed class MetricFamily
{
    private static readonly KeyValuePair<string, object?>[] OverflowTags = [new("otel_metric_overflow", "true")];

    private readonly ConcurrentDictionary<TagKey, MetricSeries> _byTags = new(TagKeyComparer.Instance);
    private readonly ConcurrentDictionary<TagKey, MetricSeries>.AlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>> _lookup;
    private readonly Dictionary<string, MetricSeries> _byLabels = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly KeyValuePair<string, string>[] _constantLabels;
    private readonly int _maxSeries;
    private readonly ILogger _logger;
    private readonly byte[] _header;
    private readonly byte[] _name;
    private readonly byte[] _bucketName;
    private readonly byte[] _sumName;
    private readonly byte[] _countName;
    private readonly byte[][] _bucketLabels;
    private MetricSeries[] _series = [];
    private MetricSeries? _overflow;
    private bool _overflowLogged;

    /// <param name="shape">The family's name, kind and buckets.</param>
    /// <param name="constantLabels">Labels on every series (the OpenTelemetry scope), already sanitized.</param>
    /// <param name="maxSeries">The most label sets kept before measurements go to the overflow series.</param>
    /// <param name="logger">Told once when the limit is reached.</param>
    public MetricFamily(MetricShape shape, KeyValuePair<string, string>[] constantLabels, int maxSeries, ILogger logger)
    {
        Shape = shape;
        _constantLabels = constantLabels;
        _maxSeries = maxSeries;
        _logger = logger;
        _lookup = _byTags.GetAlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>>();
        _header = PrometheusTextWriter.Header(shape.Name, shape.Help, shape.Kind.PrometheusType());
        _name = Encoding.UTF8.GetBytes(shape.Name);
        _bucketName = Encoding.UTF8.GetBytes(shape.Name + "_bucket");
        _sumName = Encoding.UTF8.GetBytes(shape.Name + "_sum");
        _countName = Encoding.UTF8.GetBytes(shape.Name + "_count");
        _bucketLabels = [.. (shape.Boundaries ?? []).Append(double.PositiveInfinity)
            .Select(boundary => Encoding.UTF8.GetBytes($"le=\"{PrometheusTextWriter.FormatDouble(boundary)}\""))];
    }

    public MetricShape Shape { get; }

    /// <summary>Records an integer measurement; a counter refuses negative increments, which would make it go back.</summary>
    public void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (value < 0 && Shape.Kind == MetricKind.Counter) return;
        Resolve(tags).Record(value);
    }

    /// <summary>Records a floating-point measurement; a counter refuses negative and NaN increments.</summary>
    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!(value >= 0) && Shape.Kind == MetricKind.Counter) return;
        Resolve(tags).Record(value);
    }

    /// <summary>Forgets every series; observable families do this before each observation, so a tag set that is no longer reported disappears.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _byTags.Clear();
            _byLabels.Clear();
            _overflow = null;
            Volatile.Write(ref _series, []);
        }
    }

    /// <summary>Writes the family, or nothing while it has no series.</summary>
    public void WriteTo(PrometheusTextWriter writer)
    {
        var series = Volatile.Read(ref _series);
        if (series.Length == 0) return;
        writer.Write(_header);
        foreach (var one in series)
        {
            switch (one)
            {
                case SumSeries sum when Shape.Integral:
                    writer.Sample(_name, sum.Labels, [], sum.Integral);
                    break;
                case SumSeries sum:
                    writer.Sample(_name, sum.Labels, [], sum.Floating);
                    break;
                case LastValueSeries last:
                    writer.Sample(_name, last.Labels, [], last.Value);
                    break;
                case HistogramSeries histogram:
                    WriteHistogram(writer, histogram);
                    break;
            }
        }
    }

    /// <summary>Cumulative buckets up to <c>+Inf</c>, then <c>_sum</c> and <c>_count</c> (equal to the <c>+Inf</c> bucket).</summary>
    private void WriteHistogram(PrometheusTextWriter writer, HistogramSeries histogram)
    {
        var cumulative = 0L;
        for (var i = 0; i < _bucketLabels.Length; i++)
        {
            cumulative += histogram.CountAt(i);
            writer.Sample(_bucketName, histogram.Labels, _bucketLabels[i], cumulative);
        }

        if (!histogram.SawNegative) writer.Sample(_sumName, histogram.Labels, [], histogram.Sum);
        writer.Sample(_countName, histogram.Labels, [], cumulative);
    }

    private MetricSeries Resolve(ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _lookup.TryGetValue(tags, out var series) ? series : Add(TagKey.From(tags));

    /// <summary>
    /// The series of a tag set not seen before. Keys that render to labels already known share that series. Up to
    /// twice the limit of keys are remembered, overflowing ones included, so even past the limit most measurements
    /// stay on the fast path while memory stays bounded.
    /// </summary>
    private MetricSeries Add(TagKey key)
    {
        lock (_gate)
        {
            if (_byTags.TryGetValue(key, out var known)) return known;
            var labels = Render(key.Tags);
            if (!_byLabels.TryGetValue(labels, out var series))
            {
                if (_byLabels.Count < _maxSeries)
                {
                    series = Publish(labels);
                    _byLabels.Add(labels, series);
                }
                else
                {
                    series = Overflow();
                }
            }

            if (_byTags.Count < 2 * _maxSeries) _byTags[key] = series;
            return series;
        }
    }

    private MetricSeries Overflow()
    {
        if (!_overflowLogged)
        {
            _overflowLogged = true;
            PrometheusLog.SeriesLimitReached(_logger, Shape.Name, _maxSeries);
        }

        return _overflow ??= Publish(Render(OverflowTags));
    }

    private MetricSeries Publish(string labels)
    {
        var bytes = Encoding.UTF8.GetBytes(labels);
        MetricSeries series = Shape.Kind switch
        {
            MetricKind.Counter or MetricKind.UpDownCounter => new SumSeries(bytes),
            MetricKind.Histogram => new HistogramSeries(bytes, Shape.Boundaries!),
            _ => new LastValueSeries(bytes),
        };
        Volatile.Write(ref _series, [.. _series, series]);
        return series;
    }

    /// <summary>
    /// The label text of a tag set with the constant labels: sorted by label name; tags whose names sanitize to the
    /// same label are joined with <c>;</c> in the order of their original names, as the compatibility specification says.
    /// </summary>
    private string Render(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new List<(string Name, string Original, string Value)>(tags.Length + _constantLabels.Length);
        foreach (var tag in tags) labels.Add((PrometheusNames.LabelName(tag.Key), tag.Key, LabelValue(tag.Value)));
        foreach (var constant in _constantLabels) labels.Add((constant.Key, constant.Key, constant.Value));
        return PrometheusTextWriter.LabelText(labels
            .GroupBy(label => label.Name, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => KeyValuePair.Create(group.Key, string.Join(';', group.OrderBy(l => l.Original, StringComparer.Ordinal).Select(l => l.Value)))));
    }

    private static string LabelValue(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
