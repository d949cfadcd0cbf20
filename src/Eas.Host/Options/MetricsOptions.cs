namespace Eas.Host.Options;

/// <summary>The Prometheus endpoint <c>/metrics</c> and the OTLP export (docs/Telemetry.md).</summary>
public sealed class MetricsOptions
{
    /// <summary>Whether <c>/metrics</c> is served. It needs no authentication, as Prometheus targets usually do not.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether every series carries <c>otel_scope_name="Eas.Server"</c>, as the OpenTelemetry compatibility
    /// specification requires by default; turn it off for shorter series when no OpenTelemetry pipeline is involved.
    /// </summary>
    public bool ScopeLabels { get; set; } = true;

    /// <summary>
    /// Where to push the meter with OTLP over HTTP/protobuf, the full URL of the collector's metrics path, e.g.
    /// <c>http://otel-collector:4318/v1/metrics</c>; empty: no OTLP export.
    /// </summary>
    public string OtlpEndpoint { get; set; } = string.Empty;

    /// <summary>Seconds between OTLP exports.</summary>
    public int OtlpIntervalSeconds { get; set; } = 60;
}
