using System.CommandLine;
using Eas.Load.Bench;
using Eas.Load.Safety;

namespace Eas.Load.Cli;

/// <summary><c>eas-load push-bench</c>: private Dovecot, many accounts, the Release server as a child (or a cluster of them), thousands of parked Pings, mail arriving, the figures.</summary>
internal static class PushBenchCommand
{
    /// <summary>The least <c>--max-seconds</c> when it is not given; a large run gets more (<see cref="DefaultMaxSecondsFor"/>).</summary>
    public const int DefaultMaxSeconds = 1200;
    /// <summary>Devices set up per second that the default deadline allows for: three nodes on a loaded 2-core machine set up 4-7 a second.</summary>
    private const int SetupPaceAllowed = 5;
    /// <summary>Each node is a whole server process on this machine; more than this is no longer a measurement of the server.</summary>
    public const int MaxNodes = 8;
    /// <summary>The smallest descriptor limit a server is started with: below it the runtime and journal alone run out.</summary>
    public const int MinServerNofile = 256;

    public static Command Create()
    {
        var devices = CommonOptions.Positive(new Option<int>("--devices") { Description = "Simulated phones (distinct DeviceIds), spread evenly over the accounts.", DefaultValueFactory = _ => 10_000 });
        var accounts = CommonOptions.Positive(new Option<int>("--accounts") { Description = "Mail accounts; each starts with one message.", DefaultValueFactory = _ => 1_000 });
        var hold = CommonOptions.Positive(new Option<int>("--hold-seconds") { Description = "How long all Pings are held once parked.", DefaultValueFactory = _ => 300 });
        var deliveries = CommonOptions.Positive(new Option<int>("--deliveries") { Description = "Messages appended during the hold, one at a time, to random accounts.", DefaultValueFactory = _ => 200 });
        var heartbeat = CommonOptions.Positive(new Option<int>("--heartbeat") { Description = "HeartbeatInterval of each Ping, in seconds (MS-ASCMD 2.2.3.79.1).", DefaultValueFactory = _ => 900 });
        var concurrency = CommonOptions.Positive(new Option<int>("--concurrency") { Description = "Devices set up at once.", DefaultValueFactory = _ => 64 });
        var version = CommonOptions.Version();
        var logLevel = new Option<string>("--server-log-level") { Description = "The server's Eas:LogLevel (its log is kept with --keep-data).", DefaultValueFactory = _ => "Warning" }
            .AcceptOnlyFromAmong("Verbose", "Debug", "Information", "Warning", "Error");
        var serverDll = new Option<string?>("--server-dll") { Description = $"The server to run (default: <repository>/{RepositoryPaths.ServerDll})." };
        var operatorWindow = new Option<int>("--operator-probe") { Description = "During the hold, measure what operators' tools cost the server: four windows of this many seconds (quiet, a /healthz control, top's 1/s stats, a 1/s /metrics scrape); 0 = off. The hold must be longer than 4 windows + 10 s.", DefaultValueFactory = _ => 0 };
        var nodes = CommonOptions.Positive(new Option<int>("--nodes") { Description = $"Server processes: 1 runs one server as before; more start a private PostgreSQL and a cluster of that many (at most {MaxNodes}), each request going to a node drawn at random.", DefaultValueFactory = _ => 1 });
        var floor = new Option<bool>("--floor") { Description = "After the run, hold as many requests open in bare Kestrel (a child process, the server's GC settings) and report its RSS per held request beside the server's per parked Ping." };
        var push = new Option<string>("--push") { Description = "How the server hears of changes: imap (a watcher session per account) or webhook (Dovecot's push_notification plugin posts to it; with --nodes, to node 1, which forwards each post to the account's mailbox entity wherever sharding placed it).", DefaultValueFactory = _ => "imap" }
            .AcceptOnlyFromAmong("imap", "webhook");
        var nofile = new Option<long?>("--server-nofile") { Description = "Run each server under this RLIMIT_NOFILE (prlimit, soft and hard): its connection cap is the limit less the reserve, and devices above it should be refused with 503 (counted as refused, not errors). This tool keeps its own limit: raise it with `ulimit -n` for the devices." };
        var idle = new Option<int?>("--command-session-idle-seconds")
        {
            Description = "The server's Eas:Imap:CommandSessionIdleSeconds (default: its own setting, read from the appsettings.json beside its dll, else 120). " +
                "After the setup the Pings stay parked this long (plus up to 30 s) before the hold, and Dovecot is measured again: the steady state of accounts whose phones only wait.",
        };
        var skipIdle = new Option<bool>("--skip-idle-wait") { Description = "Go from the setup straight to the hold, without waiting out the command-session idle time." };
        var killNode = new Option<int?>("--kill-node") { Description = "With --nodes 3 or more: once every phone has parked, kill this node (1 = the seed) with SIGKILL instead of the hold, and measure the failover: seconds until every affected phone is answered again and parked on the survivors, forced resyncs, then one message per account, all pushed." };
        var killAfter = CommonOptions.Positive(new Option<int>("--kill-after-seconds") { Description = "With --kill-node: how long after the phones parked the node is killed.", DefaultValueFactory = _ => 10 });
        var failoverLimit = CommonOptions.Positive(new Option<int>("--failover-limit-seconds") { Description = "With --kill-node: how long the phones may take to be answered again and parked after the kill.", DefaultValueFactory = _ => 300 });
        var detector = new Option<string>("--failure-detector") { Description = "A cluster's failure detection: loosened (10 s heartbeat pause, resolver stable after 7 s, as the cluster tests on a shared 2-core machine) or production (the server's defaults).", DefaultValueFactory = _ => "loosened" }
            .AcceptOnlyFromAmong("loosened", "production");
        var keep = new Option<bool>("--keep-data") { Description = "Keep the temporary directory (Dovecot and its log, maildirs, server state and log) afterwards." };
        var maxSeconds = CommonOptions.MaxSeconds();
        maxSeconds.Description = $"Stop after this many seconds and report what was done until then (default: {DefaultMaxSeconds}, or for a large run 600 + --hold-seconds + --devices / {SetupPaceAllowed}).";
        maxSeconds.DefaultValueFactory = _ => DefaultMaxSeconds;
        var report = CommonOptions.Report();
        var command = new Command("push-bench", "Park thousands of Pings against a private Dovecot and the Release server, deliver mail, measure push latency and memory.")
        {
            devices, accounts, hold, deliveries, heartbeat, concurrency, version, logLevel, serverDll, keep, maxSeconds, operatorWindow, nodes, floor, push, nofile, report, idle, skipIdle,
            killNode, killAfter, failoverLimit, detector,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(accounts) > result.GetValue(devices)) result.AddError("--accounts must not exceed --devices (every account needs a device).");
            if (result.GetValue(operatorWindow) is > 0 and var w && result.GetValue(hold) < 4 * w + 10) result.AddError("--hold-seconds must exceed 4 x --operator-probe + 10.");
            if (result.GetValue(nodes) > MaxNodes) result.AddError($"--nodes must not exceed {MaxNodes}.");
            if (result.GetValue(push) == "webhook" && result.GetValue(killNode) == 1) result.AddError("--push webhook posts to node 1: kill another node.");
            if (result.GetValue(idle) is < 1) result.AddError("--command-session-idle-seconds must be a positive number.");
            if (result.GetValue(killNode) is { } victim && (result.GetValue(nodes) < 3 || victim < 1 || victim > result.GetValue(nodes)))
                result.AddError("--kill-node needs --nodes 3 or more (the survivors must be a majority) and names one of them (1 to --nodes).");
            if (result.GetValue(nofile) is < MinServerNofile) result.AddError($"--server-nofile must be at least {MinServerNofile} (the runtime, Dovecot's pipes and the journal need some).");
        });
        command.SetAction(async (result, token) =>
        {
            var seconds = result.GetResult(maxSeconds) is { Implicit: false }
                ? result.GetValue(maxSeconds)
                : DefaultMaxSecondsFor(result.GetValue(devices), result.GetValue(hold));
            using var deadline = new RunDeadline(TimeSpan.FromSeconds(seconds), token);
            return await PushBench.RunAsync(Settings(result), deadline);
        });
        return command;
    }

    /// <summary>
    /// The deadline of a run whose <c>--max-seconds</c> was not given: <see cref="DefaultMaxSeconds"/>, or ten minutes for
    /// starting, settling and reporting plus the hold plus the setup at <see cref="SetupPaceAllowed"/> devices a second,
    /// whichever is longer (10,000 phones over three nodes took longer than 1,200 s to set up on a loaded machine).
    /// </summary>
    internal static int DefaultMaxSecondsFor(int devices, int holdSeconds) => Math.Max(DefaultMaxSeconds, 600 + holdSeconds + devices / SetupPaceAllowed);

    /// <summary>The settings a parse of <see cref="Create"/>'s command gives (read by option name).</summary>
    public static PushBenchSettings Settings(ParseResult result) => new(
        result.GetValue<int>("--devices"), result.GetValue<int>("--accounts"), result.GetValue<int>("--hold-seconds"), result.GetValue<int>("--deliveries"),
        result.GetValue<int>("--heartbeat"), result.GetValue<int>("--concurrency"), result.GetValue<string>("--version")!, result.GetValue<string>("--server-log-level")!,
        result.GetValue<string?>("--server-dll"), result.GetValue<bool>("--keep-data"), result.GetValue<int>("--operator-probe"), result.GetValue<int>("--nodes"),
        result.GetValue<bool>("--floor"), result.GetValue<string>("--push")!, result.GetValue<long?>("--server-nofile"), result.GetValue<string?>("--report"),
        result.GetValue<int?>("--command-session-idle-seconds"), result.GetValue<bool>("--skip-idle-wait"))
    {
        KillNode = result.GetValue<int?>("--kill-node"),
        KillAfterSeconds = result.GetValue<int>("--kill-after-seconds"),
        FailoverLimitSeconds = result.GetValue<int>("--failover-limit-seconds"),
        FailureDetector = result.GetValue<string>("--failure-detector")!,
    };
}
