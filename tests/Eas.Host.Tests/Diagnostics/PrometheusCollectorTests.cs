using System.Diagnostics.Metrics;

namespace Eas.Host.Tests.Diagnostics;

/// <summary>What each instrument type becomes in the text format, checked against exact output.</summary>
public sealed class PrometheusCollectorTests
{
    [Fact]
    public void Every_instrument_type_renders_as_its_Prometheus_family_in_name_order()
    {
        using var test = new CollectorUnderTest(scopeLabels: true);
        var meter = test.Meter;
        var requests = meter.CreateCounter<long>("eas.requests", "{request}", "ActiveSync requests answered.");
        var duration = meter.CreateHistogram("eas.request.duration", "s", "Request time.", null, new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });
        var parked = meter.CreateUpDownCounter<int>("eas.ping.parked", "{request}", "Pings parked now.");
        var held = meter.CreateGauge<int>("eas.license.slots.held", "{account}", "Slots held.");
        meter.CreateObservableGauge("eas.actor.entity.active", () => new Measurement<int>(3, new KeyValuePair<string, object?>("kind", "device")), "{entity}", "Entities alive.");
        meter.CreateObservableUpDownCounter("eas.watcher.sessions", () => 2L, "{session}", "Watchers open.");
        meter.CreateObservableCounter("eas.test.observed", () => 41.5, "{thing}", "Things seen since start.");

        requests.Add(2, new("command", "Sync"), new("status", 200));
        requests.Add(1, new("status", 200), new("command", "Sync"));
        requests.Add(1, new("command", "Ping"), new("status", 200));
        duration.Record(0.0625, new KeyValuePair<string, object?>("command", "Sync"));
        duration.Record(1, new KeyValuePair<string, object?>("command", "Sync"));
        duration.Record(3, new KeyValuePair<string, object?>("command", "Sync"));
        parked.Add(2);
        parked.Add(-1);
        held.Record(5);
        held.Record(7);

        test.Text().ShouldBe("""
            # HELP eas_actor_entity_active Entities alive.
            # TYPE eas_actor_entity_active gauge
            eas_actor_entity_active{kind="device",otel_scope_name="Eas.Server"} 3
            # HELP eas_license_slots_held Slots held.
            # TYPE eas_license_slots_held gauge
            eas_license_slots_held{otel_scope_name="Eas.Server"} 7
            # HELP eas_ping_parked Pings parked now.
            # TYPE eas_ping_parked gauge
            eas_ping_parked{otel_scope_name="Eas.Server"} 1
            # HELP eas_request_duration_seconds Request time.
            # TYPE eas_request_duration_seconds histogram
            eas_request_duration_seconds_bucket{command="Sync",otel_scope_name="Eas.Server",le="0.1"} 1
            eas_request_duration_seconds_bucket{command="Sync",otel_scope_name="Eas.Server",le="1"} 2
            eas_request_duration_seconds_bucket{command="Sync",otel_scope_name="Eas.Server",le="+Inf"} 3
            eas_request_duration_seconds_sum{command="Sync",otel_scope_name="Eas.Server"} 4.0625
            eas_request_duration_seconds_count{command="Sync",otel_scope_name="Eas.Server"} 3
            # HELP eas_requests_total ActiveSync requests answered.
            # TYPE eas_requests_total counter
            eas_requests_total{command="Sync",otel_scope_name="Eas.Server",status="200"} 3
            eas_requests_total{command="Ping",otel_scope_name="Eas.Server",status="200"} 1
            # HELP eas_test_observed_total Things seen since start.
            # TYPE eas_test_observed_total counter
            eas_test_observed_total{otel_scope_name="Eas.Server"} 41.5
            # HELP eas_watcher_sessions Watchers open.
            # TYPE eas_watcher_sessions gauge
            eas_watcher_sessions{otel_scope_name="Eas.Server"} 2

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_instrument_without_measurements_is_left_out_until_it_has_one()
    {
        using var test = new CollectorUnderTest();
        var failures = test.Meter.CreateCounter<long>("eas.auth.failures", "{attempt}", "Sign-ins refused.");

        test.Text().ShouldBeEmpty();
        failures.Add(1, new KeyValuePair<string, object?>("reason", "rejected"));

        test.Scrape().Single("eas_auth_failures_total", ("reason", "rejected")).ShouldBe(1);
    }

    [Fact]
    public void Tags_in_any_order_and_values_that_render_alike_are_one_series()
    {
        using var test = new CollectorUnderTest();
        var requests = test.Meter.CreateCounter<long>("eas.requests", "{request}", "Requests.");

        requests.Add(1, new("command", "Sync"), new("status", 200));
        requests.Add(1, new("status", 200L), new("command", "Sync"));
        requests.Add(1, new("status", "200"), new("command", "Sync"));

        var samples = test.Scrape().Matching("eas_requests_total").ToList();
        samples.Count.ShouldBe(1);
        samples[0].Value.ShouldBe(3);
        samples[0].Labels.ShouldBe(new Dictionary<string, string> { ["command"] = "Sync", ["status"] = "200" });
    }

    [Fact]
    public void Label_values_and_help_text_are_escaped_and_tag_names_sanitized()
    {
        using var test = new CollectorUnderTest();
        var counter = test.Meter.CreateCounter<long>("eas.odd", "{thing}", "A \\ backslash,\na line feed and \"quotes\".");

        counter.Add(1, new("folder.name", "In\"box\\Sub\nFolder"), new("9th", true), new("ratio", 0.5));

        var text = test.Text();
        text.ShouldContain("# HELP eas_odd_total A \\\\ backslash,\\na line feed and \"quotes\".\n");
        text.ShouldContain("eas_odd_total{_9th=\"true\",folder_name=\"In\\\"box\\\\Sub\\nFolder\",ratio=\"0.5\"} 1\n");
        test.Scrape().Single("eas_odd_total").ShouldBe(1);
        test.Scrape().Matching("eas_odd_total").Single().Labels["folder_name"].ShouldBe("In\"box\\Sub\nFolder");
    }

    [Fact]
    public void Tags_whose_names_sanitize_alike_are_joined_in_the_order_of_their_original_names()
    {
        using var test = new CollectorUnderTest();
        var counter = test.Meter.CreateCounter<long>("eas.clash", "{thing}", "Clash.");

        counter.Add(1, new("a_b", "second"), new("a.b", "first"));

        test.Scrape().Matching("eas_clash_total").Single().Labels["a_b"].ShouldBe("first;second");
    }

    [Fact]
    public void Floating_point_counters_and_gauges_keep_fractions_and_special_values()
    {
        using var test = new CollectorUnderTest();
        var seconds = test.Meter.CreateCounter<double>("eas.busy", "s", "Busy time.");
        var level = test.Meter.CreateGauge<double>("eas.level", "1", "A ratio.");

        seconds.Add(0.25);
        seconds.Add(0.5);
        level.Record(double.NaN, new KeyValuePair<string, object?>("which", "nan"));
        level.Record(double.PositiveInfinity, new KeyValuePair<string, object?>("which", "inf"));

        var text = test.Text();
        text.ShouldContain("eas_busy_seconds_total 0.75\n");
        text.ShouldContain("eas_level_ratio{which=\"nan\"} NaN\n");
        text.ShouldContain("eas_level_ratio{which=\"inf\"} +Inf\n");
    }

    [Fact]
    public void A_counter_ignores_negative_increments_so_it_never_goes_back()
    {
        using var test = new CollectorUnderTest();
        var longs = test.Meter.CreateCounter<long>("eas.longs", "{x}", "Longs.");
        var doubles = test.Meter.CreateCounter<double>("eas.doubles", "{x}", "Doubles.");

        longs.Add(3);
        longs.Add(-2);
        doubles.Add(1.5);
        doubles.Add(-1);
        doubles.Add(double.NaN);

        var scrape = test.Scrape();
        scrape.Single("eas_longs_total").ShouldBe(3);
        scrape.Single("eas_doubles_total").ShouldBe(1.5);
    }
}
