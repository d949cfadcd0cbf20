using Eas.Load.Cli;

namespace Eas.Load.Tests.Cli;

public class PushBenchCommandTests
{
    private static System.CommandLine.ParseResult Parse(string arguments) => PushBenchCommand.Create().Parse(arguments);

    [Fact]
    public void The_reduced_cluster_run_parses_into_its_settings()
    {
        var result = Parse("--nodes 3 --devices 1500 --accounts 150 --hold-seconds 60");

        result.Errors.ShouldBeEmpty();
        var settings = PushBenchCommand.Settings(result);
        settings.Nodes.ShouldBe(3);
        settings.Devices.ShouldBe(1500);
        settings.Accounts.ShouldBe(150);
        settings.HoldSeconds.ShouldBe(60);
        settings.Webhook.ShouldBeFalse();
        settings.CommandSessionIdleSeconds.ShouldBeNull();
        settings.SkipIdleWait.ShouldBeFalse();
        settings.ImapSessions.ShouldBe(2 * 150 + 64 + 64);
    }

    [Fact]
    public void The_idle_time_and_skipping_its_wait_are_read()
    {
        var settings = PushBenchCommand.Settings(Parse("--push webhook --command-session-idle-seconds 20 --skip-idle-wait --server-nofile 1024"));

        settings.Webhook.ShouldBeTrue();
        settings.CommandSessionIdleSeconds.ShouldBe(20);
        settings.SkipIdleWait.ShouldBeTrue();
        settings.ServerNofile.ShouldBe(1024);
    }

    [Fact]
    public void The_failover_run_parses_into_its_settings()
    {
        var result = Parse("--nodes 3 --devices 1500 --accounts 150 --kill-node 1 --kill-after-seconds 20 --failover-limit-seconds 200 --failure-detector production");

        result.Errors.ShouldBeEmpty();
        var settings = PushBenchCommand.Settings(result);
        settings.KillNode.ShouldBe(1);
        settings.KillAfterSeconds.ShouldBe(20);
        settings.FailoverLimitSeconds.ShouldBe(200);
        settings.LoosenedDetector.ShouldBeFalse();
        PushBenchCommand.Settings(Parse("--nodes 3")).LoosenedDetector.ShouldBeTrue();
        PushBenchCommand.Settings(Parse("--nodes 3")).KillNode.ShouldBeNull();
    }

    [Fact]
    public void The_three_node_webhook_run_of_issue_12_parses()
    {
        var result = Parse("--nodes 3 --push webhook --devices 10000 --accounts 1000 --hold-seconds 60 --deliveries 100");

        result.Errors.ShouldBeEmpty();
        var settings = PushBenchCommand.Settings(result);
        settings.Nodes.ShouldBe(3);
        settings.Webhook.ShouldBeTrue();
        Parse("--nodes 3 --push webhook --kill-node 2").Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_large_run_without_a_deadline_gets_time_for_its_setup()
    {
        PushBenchCommand.DefaultMaxSecondsFor(devices: 1500, holdSeconds: 60).ShouldBe(PushBenchCommand.DefaultMaxSeconds);
        PushBenchCommand.DefaultMaxSecondsFor(devices: 10_000, holdSeconds: 60).ShouldBe(600 + 60 + 2000);
    }

    [Theory]
    [InlineData("--nodes 2 --kill-node 1", "--kill-node needs --nodes 3 or more (the survivors must be a majority) and names one of them (1 to --nodes).")]
    [InlineData("--nodes 3 --kill-node 4", "--kill-node needs --nodes 3 or more (the survivors must be a majority) and names one of them (1 to --nodes).")]
    [InlineData("--nodes 3 --push webhook --kill-node 1", "--push webhook posts to node 1: kill another node.")]
    [InlineData("--nodes 9", "--nodes must not exceed 8.")]
    [InlineData("--devices 10 --accounts 20", "--accounts must not exceed --devices (every account needs a device).")]
    [InlineData("--command-session-idle-seconds 0", "--command-session-idle-seconds must be a positive number.")]
    [InlineData("--server-nofile 100", "--server-nofile must be at least 256 (the runtime, Dovecot's pipes and the journal need some).")]
    public void Inconsistent_options_are_refused_with_the_reason(string arguments, string error)
    {
        Parse(arguments).Errors.Select(e => e.Message).ShouldContain(error);
    }
}
