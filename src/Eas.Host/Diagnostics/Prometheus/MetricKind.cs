using System.Diagnostics.Metrics;

namespace Eas.Host.Diagnostics.Prometheus;

/// <summary>The System.Diagnostics.Metrics instrument types, each with its Prometheus type and aggregation.</summary>
internal enum MetricKind
{
    Counter,
    UpDownCounter,
    Gauge,
    Histogram,
    ObservableCounter,
    ObservableUpDownCounter,
    ObservableGauge,
}

/// <summary>How each kind is aggregated and exposed.</summary>
internal static class MetricKinds
{
    /// <summary>The kind of <paramref name="instrument"/>; null for an instrument type this exporter does not know.</summary>
    public static MetricKind? Of(Instrument instrument)
    {
        var type = instrument.GetType();
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(Counter<>)) return MetricKind.Counter;
        if (definition == typeof(UpDownCounter<>)) return MetricKind.UpDownCounter;
        if (definition == typeof(Gauge<>)) return MetricKind.Gauge;
        if (definition == typeof(Histogram<>)) return MetricKind.Histogram;
        if (definition == typeof(ObservableCounter<>)) return MetricKind.ObservableCounter;
        if (definition == typeof(ObservableUpDownCounter<>)) return MetricKind.ObservableUpDownCounter;
        if (definition == typeof(ObservableGauge<>)) return MetricKind.ObservableGauge;
        return null;
    }

    /// <summary>
    /// Monotonic sums are counters; up-down counters are non-monotonic sums and so gauges, as the compatibility
    /// specification says; histograms stay histograms.
    /// </summary>
    public static string PrometheusType(this MetricKind kind) => kind switch
    {
        MetricKind.Counter or MetricKind.ObservableCounter => "counter",
        MetricKind.Histogram => "histogram",
        _ => "gauge",
    };

    /// <summary>Observable instruments report their current value when a scrape asks, so they keep the last value seen.</summary>
    public static bool IsObservable(this MetricKind kind) =>
        kind is MetricKind.ObservableCounter or MetricKind.ObservableUpDownCounter or MetricKind.ObservableGauge;
}
