using System.Diagnostics.Metrics;
using Eas.Host.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Eas.Host.Diagnostics.Exposition;

/// <summary>
/// Exports the server's meter (<see cref="ServerMetrics.MeterName"/>) with the OpenTelemetry SDK: at <c>GET /metrics</c>
/// in the Prometheus text format through OpenTelemetry's Prometheus exporter, and over OTLP when
/// <c>Eas:Metrics:OtlpEndpoint</c> is set; one meter provider, one aggregation, for both. The Prometheus names are
/// the ones the OpenTelemetry compatibility rules give (docs/Telemetry.md). Like most Prometheus targets
/// <c>/metrics</c> needs no authentication (it carries counts by command, status and kind, never a user, device or
/// folder); keep it off the public listener with a firewall or a reverse proxy, or turn it off with
/// <c>Eas:Metrics:Enabled=false</c>.
/// </summary>
public static class MetricsExport
{
    /// <summary>The scrape path Prometheus uses by default.</summary>
    public const string Path = "/metrics";

    /// <summary>
    /// The runtime's own meter (.NET 9 and later): garbage collector heap and committed sizes, collections and pauses,
    /// working set, thread pool, JIT, exceptions. Exported beside the server's so an operator sees what the process's
    /// memory is made of; process-wide, so two servers in one process export the same figures.
    /// </summary>
    public const string RuntimeMeterName = "System.Runtime";

    /// <summary>The OpenTelemetry resource's <c>service.name</c>: in OTLP exports and in <c>target_info</c>.</summary>
    public const string ServiceName = "eas-server";

    /// <summary>
    /// Registers the meter provider when <c>/metrics</c> or OTLP is on; with both off nothing listens to the meter.
    /// The provider starts with the host, so it counts from the start rather than from the first scrape, and a
    /// stopping host flushes a last OTLP export when the provider is disposed.
    /// </summary>
    public static IServiceCollection AddMetricsExport(this IServiceCollection services, IConfiguration configuration)
    {
        var options = OptionsFrom(configuration);
        var otlp = options.OtlpEndpoint.Length > 0;
        if (!options.Enabled && !otlp) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ServerMetrics.MeterName, RuntimeMeterName);
                ((IDeferredMeterProviderBuilder)metrics).Configure((provider, builder) => builder.AddView(ViewFor(provider.GetRequiredService<IMeterFactory>())));
                if (options.Enabled)
                {
                    metrics.AddPrometheusExporter(prometheus =>
                    {
                        // Every scrape reads the instruments afresh: the default 300 ms cache would hand two close
                        // scrapes the same page.
                        prometheus.ScrapeResponseCacheDurationMilliseconds = 0;
                        prometheus.ScopeInfoEnabled = options.ScopeLabels;
                    });
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter((exporter, reader) =>
                    {
                        exporter.Endpoint = new Uri(options.OtlpEndpoint);
                        exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = Math.Max(1, options.OtlpIntervalSeconds) * 1000;
                    });
                }
            });
        return services;
    }

    /// <summary>Maps <c>GET /metrics</c> unless <c>Eas:Metrics:Enabled</c> is false.</summary>
    public static void MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        if (!OptionsFrom(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()).Enabled) return;
        endpoints.MapPrometheusScrapingEndpoint(Path);
    }

    /// <summary>
    /// Keeps only this host's meter, the one its <see cref="IMeterFactory"/> created (two servers in one process, as in
    /// the integration tests, never export each other's instruments), and the runtime's; gives histograms without
    /// advice the fixed buckets of <see cref="HistogramBuckets"/>.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> ViewFor(IMeterFactory scope) => instrument =>
    {
        if (instrument.Meter.Name == RuntimeMeterName) return null;
        if (!ReferenceEquals(instrument.Meter.Scope, scope)) return MetricStreamConfiguration.Drop;
        return HistogramBuckets.For(instrument) is { } boundaries ? new ExplicitBucketHistogramConfiguration { Boundaries = boundaries } : null;
    };

    private static MetricsOptions OptionsFrom(IConfiguration configuration) =>
        configuration.GetSection(EasOptions.Section).GetSection("Metrics").Get<MetricsOptions>() ?? new();
}
