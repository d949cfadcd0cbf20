using System.Diagnostics.Metrics;

namespace Eas.Host.Diagnostics.Prometheus;

/// <summary>What an instrument becomes in Prometheus: its family name, kind, number type, buckets and help text.</summary>
internal sealed record MetricShape(string Name, MetricKind Kind, bool Integral, double[]? Boundaries, string? Help)
{
    /// <summary>The shape of <paramref name="instrument"/>; null for an instrument type this exporter does not know.</summary>
    public static MetricShape? Of(Instrument instrument)
    {
        if (MetricKinds.Of(instrument) is not { } kind) return null;
        var number = instrument.GetType().GetGenericArguments()[0];
        var integral = number == typeof(long) || number == typeof(int) || number == typeof(short) || number == typeof(byte);
        var boundaries = kind == MetricKind.Histogram ? HistogramBoundaries.For(instrument) : null;
        return new MetricShape(PrometheusNames.MetricName(instrument.Name, instrument.Unit, kind), kind, integral, boundaries, instrument.Description);
    }

    /// <summary>
    /// Whether two instruments can feed one family: same name, kind, number type and buckets. The same instrument
    /// created twice is then one family, as in OpenTelemetry; anything else would give the name two TYPE lines.
    /// </summary>
    public bool SharesFamilyWith(MetricShape other) =>
        Name == other.Name && Kind == other.Kind && Integral == other.Integral && (Boundaries ?? []).SequenceEqual(other.Boundaries ?? []);
}
