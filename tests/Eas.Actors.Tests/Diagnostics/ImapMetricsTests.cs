using System.Diagnostics.Metrics;
using Eas.Actors.Diagnostics;

namespace Eas.Actors.Tests.Diagnostics;

public sealed class ImapMetricsTests
{
    [Theory]
    [InlineData("UID FETCH", "uid_fetch")]
    [InlineData("SELECT", "select")]
    [InlineData("connect", "connect")]
    [InlineData("AUTHENTICATE", "authenticate")]
    [InlineData("X-VENDOR-THING", "other")]
    public void Command_durations_are_tagged_with_the_lower_case_verb_from_a_fixed_set(string command, string tag)
    {
        using var meter = new Meter("Eas.Server");
        using var log = new MeasurementLog(meter);
        var metrics = new ImapMetrics(meter);

        metrics.CommandCompleted(command, TimeSpan.FromMilliseconds(250));

        var measurement = log.Of("eas.imap.command.duration").ShouldHaveSingleItem();
        measurement.Value.ShouldBe(0.25);
        measurement.Tags.ShouldBe(new Dictionary<string, object?> { ["command"] = tag });
    }

    [Fact]
    public void Idle_is_not_a_latency_and_is_left_out()
    {
        using var meter = new Meter("Eas.Server");
        using var log = new MeasurementLog(meter);
        var metrics = new ImapMetrics(meter);

        metrics.CommandCompleted("IDLE", TimeSpan.FromMinutes(4));

        log.Of("eas.imap.command.duration").ShouldBeEmpty();
    }

    [Fact]
    public void Sessions_are_observed_by_purpose_and_start_at_zero()
    {
        using var meter = new Meter("Eas.Server");
        using var log = new MeasurementLog(meter);
        _ = new ImapMetrics(meter);

        log.Observe();

        var sessions = log.Of("eas.imap.sessions");
        sessions.Select(s => (s.Tags["purpose"], s.Value)).ShouldBe([("mailbox", 0.0), ("watcher", 0.0)], ignoreOrder: true);
    }
}
