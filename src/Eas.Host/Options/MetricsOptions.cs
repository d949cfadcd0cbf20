namespace Eas.Host.Options;

/// <summary>The Prometheus endpoint <c>/metrics</c> (docs/Telemetry.md).</summary>
public sealed class MetricsOptions
{
    /// <summary>Whether <c>/metrics</c> is served. It needs no authentication, as Prometheus targets usually do not.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether every series carries <c>otel_scope_name="Eas.Server"</c>, as the OpenTelemetry compatibility
    /// specification requires by default; turn it off for shorter series when no OpenTelemetry pipeline is involved.
    /// </summary>
    public bool ScopeLabels { get; set; } = true;
}
