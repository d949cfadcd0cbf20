using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Eas.Host.Diagnostics;
using Eas.Host.Diagnostics.Exposition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Eas.Host.Tests.Diagnostics;

/// <summary><c>AddMetricsExport</c> and <c>MapMetricsEndpoint</c> (OpenTelemetry's Prometheus exporter) on a real Kestrel on loopback.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_are_served_without_credentials_in_the_0_0_4_text_format_with_the_documented_names()
    {
        await using var app = await StartAsync(enabled: true);
        app.Services.GetRequiredService<ServerMetrics>().RequestCompleted("FolderSync", "14.1", 200, TimeSpan.FromMilliseconds(30));
        app.Services.GetRequiredService<ServerMetrics>().AuthenticationFailed("rejected");

        using var response = await ScrapeAsync(app);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var type = response.Content.Headers.ContentType!;
        type.MediaType.ShouldBe("text/plain");
        type.Parameters.ShouldContain(new NameValueHeaderValue("version", "0.0.4"));
        var scrape = PrometheusTextParser.Parse(await response.Content.ReadAsStringAsync());
        scrape.Families["eas_requests_total"].Type.ShouldBe("counter");
        scrape.Single("eas_requests_total", ("command", "FolderSync"), ("version", "14.1"), ("status", "200"), ("otel_scope_name", "Eas.Server")).ShouldBe(1);
        scrape.Families["eas_request_duration_seconds"].Type.ShouldBe("histogram");
        scrape.Single("eas_request_duration_seconds_bucket", ("command", "FolderSync"), ("le", "0.025")).ShouldBe(0);
        scrape.Single("eas_request_duration_seconds_bucket", ("command", "FolderSync"), ("le", "0.05")).ShouldBe(1);
        scrape.Matching("eas_request_duration_seconds_bucket", ("command", "FolderSync")).Select(s => s.Labels["le"])
            .ShouldBe([.. HistogramBuckets.Seconds.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)), "+Inf"]);
        scrape.Single("eas_auth_failures_total", ("reason", "rejected")).ShouldBe(1);
    }

    [Fact]
    public async Task Only_this_hosts_meter_is_exported_not_a_meter_of_the_same_name_from_another_factory()
    {
        await using var app = await StartAsync(enabled: true);
        using var otherHost = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var stranger = otherHost.GetRequiredService<IMeterFactory>().Create(ServerMetrics.MeterName).CreateCounter<long>("eas.requests", "{request}");
        stranger.Add(5, new KeyValuePair<string, object?>("command", "Stranger"));
        app.Services.GetRequiredService<ServerMetrics>().RequestCompleted("Ping", "14.1", 200, TimeSpan.FromSeconds(1));

        using var response = await ScrapeAsync(app);

        var scrape = PrometheusTextParser.Parse(await response.Content.ReadAsStringAsync());
        scrape.Sum("eas_requests_total", ("command", "Ping")).ShouldBe(1);
        scrape.Sum("eas_requests_total", ("command", "Stranger")).ShouldBe(0);
    }

    [Fact]
    public async Task Turned_off_there_is_no_endpoint_and_no_listener()
    {
        await using var app = await StartAsync(enabled: false);

        using var response = await ScrapeAsync(app);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        app.Services.GetRequiredService<ServerMetrics>().Meter.CreateCounter<long>("eas.probe").Enabled.ShouldBeFalse();
    }

    private static async Task<HttpResponseMessage> ScrapeAsync(WebApplication app)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        return await http.GetAsync(new Uri("/metrics", UriKind.Relative));
    }

    private static async Task<WebApplication> StartAsync(bool enabled)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection([new("Eas:Metrics:Enabled", enabled ? "true" : "false")]);
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddMetricsExport(builder.Configuration);
        var app = builder.Build();
        app.MapMetricsEndpoint();
        await app.StartAsync();
        return app;
    }
}
