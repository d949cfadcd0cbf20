using Eas.Load.Bench;

namespace Eas.Load.Tests.Bench;

public class PushFixtureOptionsTests
{
    private static PushFixtureOptions Options(bool webhook = false, int heartbeat = 900) =>
        new("push-bench", "push", Accounts: 3, ImapSessions: 100, webhook, Nodes: 1, heartbeat, "Warning", ServerDll: null, KeepData: false);

    [Fact]
    public void Account_names_carry_the_prefix_a_five_digit_number_and_the_domain()
    {
        Options().AccountNames().ShouldBe(["push00000@ox.io", "push00001@ox.io", "push00002@ox.io"]);
    }

    [Fact]
    public void The_server_is_pointed_at_the_private_Dovecot_and_licensed_for_every_account()
    {
        var arguments = Options().ServerArguments(imapPort: 10143, secret: "s3");

        arguments.ShouldContain("--Eas:Imap:Host=127.0.0.1");
        arguments.ShouldContain("--Eas:Imap:Port=10143");
        arguments.ShouldContain("--Eas:Imap:Security=None");
        arguments.ShouldContain("--Eas:License:ActiveSyncMailboxCount=3");
        arguments.ShouldContain("--Eas:LogLevel=Warning");
        arguments.ShouldNotContain(a => a.StartsWith("--Eas:Push:", StringComparison.Ordinal));
        arguments.ShouldNotContain(a => a.StartsWith("--Eas:Imap:CommandSessionIdleSeconds", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(900, "--Eas:Ping:MinHeartbeatSeconds=60", "--Eas:Ping:MaxHeartbeatSeconds=3540")]
    [InlineData(30, "--Eas:Ping:MinHeartbeatSeconds=30", "--Eas:Ping:MaxHeartbeatSeconds=3540")]
    [InlineData(4000, "--Eas:Ping:MinHeartbeatSeconds=60", "--Eas:Ping:MaxHeartbeatSeconds=4000")]
    public void The_heartbeat_bounds_allow_the_benchs_heartbeat(int heartbeat, string min, string max)
    {
        var arguments = Options(heartbeat: heartbeat).ServerArguments(143, "s");

        arguments.ShouldContain(min);
        arguments.ShouldContain(max);
    }

    [Fact]
    public void Webhook_mode_gives_the_server_the_mode_and_the_secret_Dovecot_sends()
    {
        var arguments = Options(webhook: true).ServerArguments(143, "s3cret");

        arguments.ShouldContain("--Eas:Push:Mode=Webhook");
        arguments.ShouldContain("--Eas:Push:Webhook:Secret=s3cret");
    }

    [Fact]
    public void A_given_idle_time_and_extra_arguments_are_passed_on()
    {
        var options = Options() with { CommandSessionIdleSeconds = 20, ExtraServerArguments = ["--Eas:Admin:Users:ops=pw"] };

        var arguments = options.ServerArguments(143, "s");

        arguments.ShouldContain("--Eas:Imap:CommandSessionIdleSeconds=20");
        arguments[^1].ShouldBe("--Eas:Admin:Users:ops=pw");
    }

    [Fact]
    public void Nodes_are_named_server_alone_and_by_number_in_a_cluster()
    {
        Options().NodeName(1).ShouldBe("server");
        (Options() with { Nodes = 3 }).NodeName(2).ShouldBe("node 2");
    }
}
