namespace Eas.Host.Diagnostics.Prometheus;

/// <summary>Which instruments a <see cref="PrometheusCollector"/> exports, and its limits.</summary>
public sealed record PrometheusCollectorOptions
{
    /// <summary>The meter whose instruments are exported; the server has exactly one.</summary>
    public string MeterName { get; init; } = ServerMetrics.MeterName;

    /// <summary>
    /// When set, only meters whose <see cref="System.Diagnostics.Metrics.Meter.Scope"/> is this object are exported:
    /// the host passes its <see cref="System.Diagnostics.Metrics.IMeterFactory"/>, so two servers in one process (as
    /// in the integration tests) never export each other's instruments.
    /// </summary>
    public object? MeterScope { get; init; }

    /// <summary>The most label sets one instrument keeps; measurements beyond go to its overflow series.</summary>
    public int MaxSeriesPerInstrument { get; init; } = 2000;

    /// <summary>
    /// Whether every series carries <c>otel_scope_name</c> (and <c>otel_scope_version</c> when the meter has one), as
    /// the OpenTelemetry compatibility specification requires by default, so that the series are labelled the same
    /// whether they are scraped here or reach Prometheus through an OpenTelemetry Collector.
    /// </summary>
    public bool ScopeLabels { get; init; } = true;
}
