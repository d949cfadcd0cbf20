using System.Net;
using Eas.Host.Diagnostics;
using Eas.Host.Diagnostics.Prometheus;
using Eas.Host.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Eas.Host.Tests.Diagnostics;

/// <summary><c>AddPrometheusMetrics</c> and <c>MapPrometheusMetrics</c> on a real Kestrel on loopback.</summary>
public sealed class PrometheusEndpointTests
{
    [Fact]
    public async Task Metrics_are_served_without_credentials_in_the_0_0_4_text_format()
    {
        await using var app = await StartAsync(enabled: true);
        app.Services.GetRequiredService<ServerMetrics>().RequestCompleted("FolderSync", "14.1", 200, TimeSpan.FromMilliseconds(30));
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; version=0.0.4; charset=utf-8");
        var scrape = PrometheusTextParser.Parse(await response.Content.ReadAsStringAsync());
        scrape.Single("eas_requests_total", ("command", "FolderSync"), ("version", "14.1"), ("status", "200"), ("otel_scope_name", "Eas.Server")).ShouldBe(1);
        scrape.Single("eas_request_duration_seconds_bucket", ("command", "FolderSync"), ("le", "0.05")).ShouldBe(1);
    }

    [Fact]
    public async Task Turned_off_there_is_no_endpoint_and_no_listener()
    {
        await using var app = await StartAsync(enabled: false);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        app.Services.GetRequiredService<ServerMetrics>().Meter.CreateCounter<long>("eas.probe").Enabled.ShouldBeFalse();
    }

    private static async Task<WebApplication> StartAsync(bool enabled)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection([new("Eas:Metrics:Enabled", enabled ? "true" : "false")]);
        builder.Services.AddOptions<EasOptions>().Bind(builder.Configuration.GetSection(EasOptions.Section));
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddPrometheusMetrics();
        var app = builder.Build();
        app.MapPrometheusMetrics();
        await app.StartAsync();
        return app;
    }
}
