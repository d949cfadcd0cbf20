using System.Diagnostics.Metrics;
using Eas.Host.Endpoints;
using Eas.Host.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Eas.Host.Diagnostics.Prometheus;

/// <summary>
/// Serves the server's meter at <c>/metrics</c> in the Prometheus text format 0.0.4. Like most Prometheus targets it
/// needs no authentication (it carries counts by command, status and kind, never a user, device or folder); keep it
/// off the public listener with a firewall or a reverse proxy, or turn it off with <c>Eas:Metrics:Enabled=false</c>.
/// </summary>
public static class PrometheusMetricsExtensions
{
    /// <summary>The scrape path Prometheus uses by default.</summary>
    public const string Path = "/metrics";

    /// <summary>Registers the <see cref="PrometheusCollector"/> for the host's meter (its <see cref="IMeterFactory"/> scope).</summary>
    public static IServiceCollection AddPrometheusMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new PrometheusCollector(
            new PrometheusCollectorOptions
            {
                MeterScope = sp.GetRequiredService<IMeterFactory>(),
                ScopeLabels = sp.GetRequiredService<IOptions<EasOptions>>().Value.Metrics.ScopeLabels,
            },
            sp.GetRequiredService<ILogger<PrometheusCollector>>()));
        return services;
    }

    /// <summary>
    /// Maps <c>GET /metrics</c> unless <c>Eas:Metrics:Enabled</c> is false, and starts the collector now, so that it
    /// counts from the start rather than from the first scrape.
    /// </summary>
    public static void MapPrometheusMetrics(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<EasOptions>>().Value.Metrics.Enabled) return;
        var collector = endpoints.ServiceProvider.GetRequiredService<PrometheusCollector>();
        endpoints.MapGet(Path, (HttpContext context) => ScrapeAsync(context, collector));
    }

    /// <summary>Renders into a pooled buffer under the collector's lock, then sends it, so a slow scraper holds no lock.</summary>
    private static async Task ScrapeAsync(HttpContext context, PrometheusCollector collector)
    {
        using var buffer = new PooledBufferWriter(64 * 1024);
        collector.Collect(buffer);
        context.Response.ContentType = PrometheusTextWriter.ContentType;
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }
}
