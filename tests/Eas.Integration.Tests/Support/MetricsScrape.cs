using Eas.Host.Tests.Diagnostics;

namespace Eas.Integration.Tests.Support;

internal static class MetricsScrape
{
    /// <summary>Scrapes <c>/metrics</c> without credentials, as Prometheus does, and parses it strictly.</summary>
    public static async Task<PrometheusScrape> ScrapeMetricsAsync(this ServerInstance server)
    {
        using var http = server.CreateHttpClient();
        return PrometheusTextParser.Parse(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
    }
}
