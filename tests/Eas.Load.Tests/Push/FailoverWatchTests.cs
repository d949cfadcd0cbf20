using System.Diagnostics;
using Eas.Load.Eas;
using Eas.Load.Push;

namespace Eas.Load.Tests.Push;

public class FailoverWatchTests
{
    private static long At(long killedAt, double seconds) => killedAt + (long)(seconds * Stopwatch.Frequency);

    [Fact]
    public void Nothing_before_the_kill_counts()
    {
        var watch = new FailoverWatch(3);
        var killed = Stopwatch.GetTimestamp();
        watch.Failed(0, killed - Stopwatch.Frequency);
        watch.ForcedResync(killed - 1);
        watch.Killed(killed);

        watch.Counts().ShouldBe(new FailoverCounts(0, 0, 0, null));
    }

    [Fact]
    public void Failover_is_over_when_every_affected_phone_is_answered_after_its_last_failure()
    {
        var watch = new FailoverWatch(3);
        var killed = Stopwatch.GetTimestamp();
        watch.Killed(killed);

        watch.Failed(0, At(killed, 1));
        watch.Failed(1, At(killed, 2));
        watch.Answered(2, At(killed, 2.5));
        watch.Answered(0, At(killed, 5));
        watch.Counts().ShouldBe(new FailoverCounts(2, 1, 0, null));

        // Phone 0 fails again: it waits again, and its second answer is the one that counts.
        watch.Failed(0, At(killed, 6));
        watch.Answered(1, At(killed, 7));
        watch.Counts().Waiting.ShouldBe(1);
        watch.Answered(0, At(killed, 20));
        watch.Answered(0, At(killed, 30));

        var counts = watch.Counts();
        counts.Affected.ShouldBe(2);
        counts.Waiting.ShouldBe(0);
        counts.AllAnsweredAfter!.Value.TotalSeconds.ShouldBe(20, 0.01);
        watch.AnsweredSeconds().Select(s => Math.Round(s)).ShouldBe(new double[] { 7, 20 });
    }

    [Fact]
    public void Forced_resyncs_after_the_kill_are_counted()
    {
        var watch = new FailoverWatch(1);
        var killed = Stopwatch.GetTimestamp();
        watch.Killed(killed);
        watch.ForcedResync(At(killed, 3));

        watch.Counts().ForcedResyncs.ShouldBe(1);
    }

    [Theory]
    [InlineData("Sync", "3", true)]
    [InlineData("Sync", "12", true)]
    [InlineData("FolderSync", "9", true)]
    [InlineData("Sync", "8", false)]
    [InlineData("FolderSync", "12", false)]
    [InlineData("Provision", "3", false)]
    public void A_status_that_makes_the_phone_start_over_is_told_apart(string command, string status, bool forces)
    {
        new EasStatusException(command, status).ForcesResync.ShouldBe(forces);
    }

    [Fact]
    public void The_pause_after_failures_doubles_up_to_eight_seconds()
    {
        int[] seconds = [.. Enumerable.Range(1, 6).Select(n => (int)PushDevice.Backoff(n).TotalSeconds)];

        seconds.ShouldBe(new[] { 1, 2, 4, 8, 8, 8 });
    }

    [Fact]
    public void A_node_taken_out_of_the_pool_gets_no_more_requests()
    {
        Uri[] nodes = [new("http://127.0.0.1:1/"), new("http://127.0.0.1:2/"), new("http://127.0.0.1:3/")];
        var choice = new NodeChoice(nodes);
        var random = new Random(7);
        Enumerable.Range(0, 300).Select(_ => choice.Pick(random)).Distinct().Count().ShouldBe(3);

        choice.TakeOut(1);

        Enumerable.Range(0, 300).Select(_ => choice.Pick(random)).Distinct().ShouldBe(new[] { nodes[0], nodes[2] }, ignoreOrder: true);
    }
}
