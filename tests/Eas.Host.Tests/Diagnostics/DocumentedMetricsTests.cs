using System.Text.RegularExpressions;
using Eas.Actors.Cluster;
using Eas.Actors.Diagnostics;
using Eas.Actors.Licensing;
using Eas.Actors.Mailboxes.Imap;
using Eas.Actors.Persistence;
using Eas.Host.Diagnostics;
using Eas.Host.Diagnostics.Exposition;
using Eas.Host.Limits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Eas.Host.Tests.Diagnostics;

/// <summary>
/// The metrics table of docs/Telemetry.md against a real scrape: every instrument the server creates, fed once, is
/// served under the name and Prometheus type the table gives, with the labels it lists, and the table names nothing
/// the scrape lacks.
/// </summary>
public sealed partial class DocumentedMetricsTests
{
    [Fact]
    public async Task Every_documented_metric_is_served_with_its_name_type_and_labels()
    {
        var documented = DocumentedMetrics();
        documented.Count.ShouldBeGreaterThan(25);
        documented.Count(d => d.Name.StartsWith("dotnet_", StringComparison.Ordinal)).ShouldBeGreaterThan(5);
        GC.Collect(); // the runtime's last-collection gauges report only once a collection has happened
        await using var app = await StartAsync();
        Feed(app.Services.GetRequiredService<ServerMetrics>());
        await FeedLimitsAsync(app.Services.GetRequiredService<ServerMetrics>().Meter);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var scrape = PrometheusTextParser.Parse(await http.GetStringAsync(new Uri(MetricsExport.Path, UriKind.Relative)));

        foreach (var (name, type, labels) in documented)
        {
            scrape.Families.TryGetValue(name, out var family).ShouldBeTrue($"{name} is documented but not served");
            family!.Type.ShouldBe(type, name);
            family.Samples.ShouldNotBeEmpty(name);
            var sample = family.Samples[0];
            foreach (var label in labels) sample.Labels.ContainsKey(label).ShouldBeTrue($"{name} carries {label}");
            sample.Labels["otel_scope_name"].ShouldBe(name.StartsWith("dotnet_", StringComparison.Ordinal) ? MetricsExport.RuntimeMeterName : ServerMetrics.MeterName);
        }

        scrape.Families.Keys.Where(name => name.StartsWith("eas_", StringComparison.Ordinal)).Except(documented.Select(d => d.Name))
            .ShouldBeEmpty("every metric the server serves is in docs/Telemetry.md");
    }

    /// <summary>One measurement on every instrument of the server's meter, each created as the host creates it.</summary>
    private static void Feed(ServerMetrics server)
    {
        var meter = server.Meter;
        server.RequestCompleted("Sync", "14.1", 200, TimeSpan.FromMilliseconds(5));
        server.AuthenticationFailed("rejected");
        server.Throttled("pings");
        server.SignInLocked("account");
        var push = new PushMetrics(meter);
        push.Parked();
        push.Unparked("changed");
        push.PushLatency(TimeSpan.FromMilliseconds(400));
        push.WatcherReconnecting();
        var entities = new EntityCounts(meter);
        entities.Routed(remote: false);
        _ = new ClusterStats(meter);
        _ = new LicenseMetrics(meter);
        var imap = new ImapMetrics(meter);
        imap.CommandCompleted("LOGIN", TimeSpan.FromMilliseconds(3));
        new SyncMetrics(meter).Exchanged(SyncMetrics.Email, [], []);
        var journal = new JournalMetrics(meter);
        journal.Written("device", TimeSpan.FromMilliseconds(2));
        journal.WriteFailed("device");
        journal.Recovered("device", TimeSpan.FromMilliseconds(2));
        journal.RecoveryFailed("device");
    }

    /// <summary>The connection cap (one connection refused) and the IMAP sign-in gate (one sign-in refused, one in progress).</summary>
    private static async Task FeedLimitsAsync(System.Diagnostics.Metrics.Meter meter)
    {
        new MemoryTrimMetrics(meter).Trimmed();
        var admission = new ConnectionAdmission(ConnectionCap.From(20_000, null, 1), TimeSpan.FromSeconds(30), meter, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        admission.TryAdmit();
        if (!admission.TryAdmit()) admission.Refuse();
        var gate = new ImapLoginGate(1, TimeSpan.Zero, meter);
        _ = await gate.EnterAsync(CancellationToken.None);
        await Should.ThrowAsync<Eas.Actors.Mailboxes.MailStoreUnavailableException>(gate.EnterAsync(CancellationToken.None).AsTask());
    }

    /// <summary>The rows of the metrics table: Prometheus name, type and the label names in the labels column.</summary>
    private static List<(string Name, string Type, string[] Labels)> DocumentedMetrics()
    {
        var rows = new List<(string, string, string[])>();
        foreach (var line in File.ReadLines(TelemetryDoc()))
        {
            var match = TableRow().Match(line);
            if (!match.Success) continue;
            var column = Parenthesized().Replace(match.Groups["labels"].Value, "");
            var labels = LabelName().Matches(column).Select(m => m.Groups[1].Value).ToArray();
            rows.Add((match.Groups["name"].Value, match.Groups["type"].Value, labels));
        }

        return rows;
    }

    private static string TelemetryDoc()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "docs", "Telemetry.md");
            if (File.Exists(path)) return path;
        }

        throw new FileNotFoundException("docs/Telemetry.md above " + AppContext.BaseDirectory);
    }

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection([new("Eas:Metrics:Enabled", "true")]);
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddMetricsExport(builder.Configuration);
        var app = builder.Build();
        app.MapMetricsEndpoint();
        await app.StartAsync();
        return app;
    }

    /// <summary><c>| `eas_x_total` | counter | `{unit}` | `label` (values), `other` | ...</c>: the labels column is the fourth.</summary>
    [GeneratedRegex(@"^\| `(?<name>(eas|dotnet)_[a-z0-9_]+)` \| (?<type>[a-z]+) \|[^|]*\|(?<labels>[^|]*)\|")]
    private static partial Regex TableRow();

    /// <summary>The values a label column lists in parentheses after a label name.</summary>
    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesized();

    /// <summary>A label name in the labels column, once the parenthesized values are gone.</summary>
    [GeneratedRegex(@"`([a-z_]+)`")]
    private static partial Regex LabelName();
}
