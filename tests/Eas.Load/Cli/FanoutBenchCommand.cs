using System.CommandLine;
using Eas.Load.Bench;
using Eas.Load.Safety;

namespace Eas.Load.Cli;

/// <summary><c>eas-load fanout-bench</c>: one phone parked per account, one message into every mailbox at once, push latency per account.</summary>
internal static class FanoutBenchCommand
{
    public static Command Create()
    {
        var accounts = CommonOptions.Positive(new Option<int>("--accounts") { Description = "Mail accounts, one parked phone each; every one gets a message at once.", DefaultValueFactory = _ => 1_000 });
        var heartbeat = CommonOptions.Positive(new Option<int>("--heartbeat") { Description = "HeartbeatInterval of each Ping in seconds (MS-ASCMD 2.2.3.79.1); a push not answered this long after the fan-out is missing.", DefaultValueFactory = _ => 300 });
        var concurrency = CommonOptions.Positive(new Option<int>("--concurrency") { Description = "Devices set up (and APPEND sessions signed in) at once.", DefaultValueFactory = _ => 64 });
        var push = new Option<string>("--push") { Description = "How the server hears of changes: webhook (Dovecot's push_notification plugin posts to it) or imap (a watcher session per account).", DefaultValueFactory = _ => "webhook" }
            .AcceptOnlyFromAmong("webhook", "imap");
        var version = CommonOptions.Version();
        var logLevel = new Option<string>("--server-log-level") { Description = "The server's Eas:LogLevel (its log is kept with --keep-data).", DefaultValueFactory = _ => "Warning" }
            .AcceptOnlyFromAmong("Verbose", "Debug", "Information", "Warning", "Error");
        var serverDll = new Option<string?>("--server-dll") { Description = $"The server to run (default: <repository>/{RepositoryPaths.ServerDll})." };
        var keep = new Option<bool>("--keep-data") { Description = "Keep the temporary directory (Dovecot and its log, maildirs, server state and log) afterwards." };
        var report = CommonOptions.Report();
        var maxSeconds = CommonOptions.MaxSeconds();
        var command = new Command("fanout-bench", "Park one Ping per account, append one message to every mailbox at once, measure each push from APPEND done to Ping answered.")
        {
            accounts, heartbeat, concurrency, push, version, logLevel, serverDll, keep, report, maxSeconds,
        };
        command.SetAction(async (result, token) =>
        {
            using var deadline = new RunDeadline(TimeSpan.FromSeconds(result.GetValue(maxSeconds)), token);
            var settings = new FanoutBenchSettings(
                result.GetValue(accounts), result.GetValue(heartbeat), result.GetValue(concurrency), result.GetValue(version)!, result.GetValue(push)!,
                result.GetValue(logLevel)!, result.GetValue(serverDll), result.GetValue(keep), result.GetValue(report));
            return await FanoutBench.RunAsync(settings, deadline);
        });
        return command;
    }
}
