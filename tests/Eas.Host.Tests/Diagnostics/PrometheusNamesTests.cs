using Eas.Host.Diagnostics.Prometheus;

namespace Eas.Host.Tests.Diagnostics;

/// <summary>The OpenTelemetry to Prometheus naming rules (compatibility specification, "Metric Metadata").</summary>
public sealed class PrometheusNamesTests
{
    [Theory]
    [InlineData("eas.requests", "{request}", "Counter", "eas_requests_total")]
    [InlineData("eas.request.duration", "s", "Histogram", "eas_request_duration_seconds")]
    [InlineData("eas.persistence.write.failures", "{write}", "Counter", "eas_persistence_write_failures_total")]
    [InlineData("eas.ping.parked", "{request}", "ObservableUpDownCounter", "eas_ping_parked")]
    [InlineData("eas.actor.mailbox.depth", "{message}", "Histogram", "eas_actor_mailbox_depth")]
    [InlineData("eas.license.slots.licensed", "{account}", "ObservableGauge", "eas_license_slots_licensed")]
    [InlineData("jobs.done_total", "{job}", "Counter", "jobs_done_total")]
    [InlineData("http.server.request.duration", "ms", "Histogram", "http_server_request_duration_milliseconds")]
    [InlineData("queue.wait.seconds", "s", "Gauge", "queue_wait_seconds")]
    [InlineData("busy", "s", "ObservableCounter", "busy_seconds_total")]
    [InlineData("net.io", "By", "Counter", "net_io_bytes_total")]
    [InlineData("net.rate", "By/s", "Gauge", "net_rate_bytes_per_second")]
    [InlineData("packets.rate", "{packet}/s", "Gauge", "packets_rate_per_second")]
    [InlineData("memory.utilization", "1", "ObservableGauge", "memory_utilization_ratio")]
    [InlineData("errors", "1", "Counter", "errors_total")]
    [InlineData("custom", "widgets", "Gauge", "custom_widgets")]
    [InlineData("weird-name..x", null, "Gauge", "weird_name_x")]
    [InlineData("9lives", "", "Gauge", "_9lives")]
    [InlineData("ns:recorded", "", "Gauge", "ns:recorded")]
    public void Instrument_names_and_units_become_Prometheus_names(string instrument, string? unit, string kind, string expected) =>
        PrometheusNames.MetricName(instrument, unit, Enum.Parse<MetricKind>(kind)).ShouldBe(expected);

    [Theory]
    [InlineData("command", "command")]
    [InlineData("http.method", "http_method")]
    [InlineData("a--b", "a_b")]
    [InlineData("__reserved", "_reserved")]
    [InlineData("9th", "_9th")]
    [InlineData("with:colon", "with_colon")]
    public void Tag_names_become_label_names(string tag, string expected) => PrometheusNames.LabelName(tag).ShouldBe(expected);
}
