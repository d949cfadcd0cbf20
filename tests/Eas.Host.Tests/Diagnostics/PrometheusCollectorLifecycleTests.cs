using System.Diagnostics.Metrics;
using Eas.Host.Diagnostics;
using Eas.Host.Diagnostics.Prometheus;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Host.Tests.Diagnostics;

/// <summary>Cardinality limit, observable instruments, which meters are exported, and instruments that come and go.</summary>
public sealed class PrometheusCollectorLifecycleTests
{
    private const int SeriesLimitReached = 1301;
    private const int NameConflict = 1302;
    private const int ObservationFailed = 1303;

    [Fact]
    public void Past_the_limit_new_label_sets_go_to_the_overflow_series_and_a_warning_is_logged_once()
    {
        using var test = new CollectorUnderTest(maxSeries: 2);
        var requests = test.Meter.CreateCounter<long>("eas.requests", "{request}", "Requests.");

        foreach (var command in new[] { "Sync", "Ping", "FolderSync", "Settings", "Ping", "Search" })
            requests.Add(1, new KeyValuePair<string, object?>("command", command));

        var scrape = test.Scrape();
        scrape.Single("eas_requests_total", ("command", "Sync")).ShouldBe(1);
        scrape.Single("eas_requests_total", ("command", "Ping")).ShouldBe(2);
        scrape.Single("eas_requests_total", ("otel_metric_overflow", "true")).ShouldBe(3);
        scrape.Matching("eas_requests_total").Count().ShouldBe(3);
        test.Log.Events.Count(id => id == SeriesLimitReached).ShouldBe(1);
    }

    [Fact]
    public void An_overflowing_histogram_stays_a_complete_histogram()
    {
        using var test = new CollectorUnderTest(maxSeries: 1);
        var duration = test.Meter.CreateHistogram<double>("eas.request.duration", "s", "Requests.");

        duration.Record(0.5, new KeyValuePair<string, object?>("command", "Sync"));
        duration.Record(0.5, new KeyValuePair<string, object?>("command", "Ping"));
        duration.Record(5, new KeyValuePair<string, object?>("command", "Search"));

        var scrape = test.Scrape();
        scrape.Single("eas_request_duration_seconds_count", ("otel_metric_overflow", "true")).ShouldBe(2);
        scrape.Single("eas_request_duration_seconds_bucket", ("otel_metric_overflow", "true"), ("le", "+Inf")).ShouldBe(2);
    }

    [Fact]
    public void Observable_instruments_are_read_at_each_scrape_and_a_label_set_no_longer_reported_disappears()
    {
        using var test = new CollectorUnderTest();
        var live = new Dictionary<string, int> { ["device"] = 3, ["mailbox"] = 1 };
        test.Meter.CreateObservableGauge("eas.actor.entity.active", () => live.Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("kind", pair.Key))), "{entity}", "Live.");

        test.Scrape().Single("eas_actor_entity_active", ("kind", "mailbox")).ShouldBe(1);
        live.Remove("mailbox");
        live["device"] = 4;

        var scrape = test.Scrape();
        scrape.Matching("eas_actor_entity_active", ("kind", "mailbox")).ShouldBeEmpty();
        scrape.Single("eas_actor_entity_active", ("kind", "device")).ShouldBe(4);
    }

    [Fact]
    public void A_failing_observable_instrument_is_logged_and_the_scrape_goes_on()
    {
        using var test = new CollectorUnderTest();
        test.Meter.CreateObservableGauge<int>("eas.broken", new Func<int>(() => throw new InvalidOperationException("boom")), "{x}", "Broken.");
        test.Meter.CreateObservableGauge("eas.fine", () => 1, "{x}", "Fine.");

        test.Scrape().Single("eas_fine").ShouldBe(1);
        test.Log.Events.ShouldContain(ObservationFailed);
    }

    [Fact]
    public void Only_the_named_meter_of_the_given_scope_is_exported()
    {
        using var test = new CollectorUnderTest();
        using var otherScope = new Meter(new MeterOptions(ServerMetrics.MeterName) { Scope = new object() });
        using var otherName = new Meter(new MeterOptions("Other") { Scope = test.Scope });
        otherScope.CreateCounter<long>("eas.elsewhere", "{x}", "Elsewhere.").Add(1);
        otherName.CreateCounter<long>("eas.other", "{x}", "Other.").Add(1);
        test.Meter.CreateCounter<long>("eas.here", "{x}", "Here.").Add(1);

        test.Scrape().Families.Keys.ShouldBe(["eas_here_total"]);
    }

    [Fact]
    public void An_instrument_created_twice_is_one_family_and_an_incompatible_one_is_refused()
    {
        using var test = new CollectorUnderTest();
        test.Meter.CreateCounter<long>("eas.restarts", "{restart}", "Restarts.").Add(1);
        test.Meter.CreateCounter<long>("eas.restarts", "{restart}", "Restarts.").Add(2);
        test.Meter.CreateGauge<long>("eas.restarts.total", "{restart}", "A gauge that would be named eas_restarts_total too.").Record(9);

        var family = test.Scrape().Families["eas_restarts_total"];
        family.Type.ShouldBe("counter");
        family.Samples.Single().Value.ShouldBe(3);
        test.Log.Events.ShouldContain(NameConflict);
    }

    [Fact]
    public void A_disposed_meter_takes_its_families_with_it()
    {
        using var test = new CollectorUnderTest();
        using var second = new Meter(new MeterOptions(ServerMetrics.MeterName) { Scope = test.Scope });
        second.CreateCounter<long>("eas.transient", "{x}", "Transient.").Add(1);
        test.Meter.CreateCounter<long>("eas.stays", "{x}", "Stays.").Add(1);
        test.Scrape().Families.Count.ShouldBe(2);

        second.Dispose();

        test.Scrape().Families.Keys.ShouldBe(["eas_stays_total"]);
    }

    [Fact]
    public void Instruments_created_before_the_collector_are_picked_up_but_count_only_from_its_start()
    {
        var scope = new object();
        using var meter = new Meter(new MeterOptions(ServerMetrics.MeterName) { Scope = scope });
        var early = meter.CreateCounter<long>("eas.early", "{x}", "Early.");
        early.Add(5);
        using var collector = new PrometheusCollector(new PrometheusCollectorOptions { MeterScope = scope }, NullLogger<PrometheusCollector>.Instance);

        early.Add(1);

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        collector.Collect(buffer);
        PrometheusTextParser.Parse(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan)).Single("eas_early_total").ShouldBe(1);
    }
}
