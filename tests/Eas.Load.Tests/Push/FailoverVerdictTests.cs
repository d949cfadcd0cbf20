using System.Diagnostics;
using Eas.Load.Push;

namespace Eas.Load.Tests.Push;

public class FailoverVerdictTests
{
    private static readonly FailoverPlan Plan = new(2, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(300), 150);

    private static PushOutcome Outcome(
        TimeSpan? recoveredAfter = null, int forcedResyncs = 0, int setupErrors = 0, int holdErrors = 0, int failedAtKill = 0, int deliveredAfter = 150, int missing = 0,
        string? stopReason = null)
    {
        var counts = new FailoverCounts(500, recoveredAfter is null ? 3 : 0, forcedResyncs, recoveredAfter);
        var failover = new FailoverOutcome(Plan, 1500, recoveredAfter, counts, [], [], deliveredAfter);
        return new PushOutcome(
            1500, 150, 3, 1500, 0, 1500, 1500, setupErrors, holdErrors, 0, 150, 150, [], 150, deliveredAfter, 0, null,
            new PushLedgerSummary([900.0, 2500.0], missing, 0, 0), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(1), [], [], [], null, null, stopReason)
        {
            Failover = failover,
            FailedAtKill = failedAtKill,
        };
    }

    [Fact]
    public void Requests_that_failed_at_the_kill_do_not_fail_a_failover_that_answered_every_phone_in_time()
    {
        var outcome = Outcome(recoveredAfter: TimeSpan.FromSeconds(32.7), failedAtKill: 1_240);

        FailoverVerdict.Failures(outcome).ShouldBeEmpty();
        PushReport.Passed(outcome).ShouldBeTrue();
    }

    [Theory]
    [InlineData(null, 0, 0, 0, 150, 0, "failover not over within 300 s")]
    [InlineData(30.0, 2, 0, 0, 150, 0, "2 forced resyncs")]
    [InlineData(30.0, 0, 1, 0, 150, 0, "1 errors in the setup")]
    [InlineData(30.0, 0, 0, 4, 150, 0, "4 errors outside the kill")]
    [InlineData(30.0, 0, 0, 0, 149, 0, "149 of 150 messages appended after failover")]
    [InlineData(30.0, 0, 0, 0, 150, 7, "7 pushes missing after failover")]
    public void Each_condition_fails_the_verdict_on_its_own_and_says_why(
        double? recoveredSeconds, int forcedResyncs, int setupErrors, int holdErrors, int deliveredAfter, int missing, string reason)
    {
        var outcome = Outcome(recoveredSeconds is { } s ? TimeSpan.FromSeconds(s) : null, forcedResyncs, setupErrors, holdErrors, deliveredAfter: deliveredAfter, missing: missing);

        var failures = FailoverVerdict.Failures(outcome);

        failures.Count.ShouldBe(1);
        failures[0].ShouldStartWith(reason);
        PushReport.Passed(outcome).ShouldBeFalse();
    }

    [Fact]
    public void A_run_stopped_by_its_deadline_fails()
    {
        FailoverVerdict.Failures(Outcome(TimeSpan.FromSeconds(30), stopReason: "the run's deadline")).ShouldContain(r => r.StartsWith("stopped early", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_transient_failures_between_the_kill_and_the_end_of_failover_are_the_kills()
    {
        var watch = new FailoverWatch(1);
        var killed = Stopwatch.GetTimestamp();
        var second = Stopwatch.Frequency;

        watch.AtTheKill(killed + second, transient: true).ShouldBeFalse("before the kill nothing is the kill's");
        watch.Killed(killed);
        watch.AtTheKill(killed - second, transient: true).ShouldBeFalse();
        watch.AtTheKill(killed + second, transient: true).ShouldBeTrue();
        watch.AtTheKill(killed + second, transient: false).ShouldBeFalse("a 4xx or a bad status is an error even at the kill");

        watch.Over(killed + 30 * second);

        watch.AtTheKill(killed + 29 * second, transient: true).ShouldBeTrue();
        watch.AtTheKill(killed + 31 * second, transient: true).ShouldBeFalse("after failover a failure is an error again");
    }

    [Fact]
    public void A_phone_counts_a_failure_at_the_kill_apart_from_its_errors()
    {
        var counters = new PushCounters { Phase = PushPhase.Holding };

        counters.FailedAtTheKill("Ping: HTTP 503");
        counters.FailedAtTheKill("Ping: HTTP 503");
        counters.Error("Sync: status 8");

        counters.FailedAtKill.ShouldBe(2);
        counters.HoldErrors.ShouldBe(1);
        counters.KillMessages.ShouldBe([new KeyValuePair<string, int>("Ping: HTTP 503", 2)]);
        counters.Messages.ShouldBe([new KeyValuePair<string, int>("Sync: status 8", 1)]);
    }
}
