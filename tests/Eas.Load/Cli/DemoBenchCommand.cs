using System.CommandLine;
using Eas.Load.Bench;
using Eas.Load.Safety;

namespace Eas.Load.Cli;

/// <summary><c>eas-load demo-bench</c>: private Dovecot, N seeded messages, the Release server as a child, an initial sync, the figures.</summary>
internal static class DemoBenchCommand
{
    public static Command Create()
    {
        var messages = CommonOptions.Positive(new Option<int>("--messages") { Description = "Messages in the test mailbox.", DefaultValueFactory = _ => 10_000 });
        var size = CommonOptions.SizeBytes();
        var window = CommonOptions.Window();
        var truncation = CommonOptions.Truncation();
        var version = CommonOptions.Version();
        var devices = CommonOptions.Devices();
        var logLevel = new Option<string>("--server-log-level") { Description = "The server's Eas:LogLevel (its log is kept with --keep-data).", DefaultValueFactory = _ => "Warning" }
            .AcceptOnlyFromAmong("Verbose", "Debug", "Information", "Warning", "Error");
        var serverDll = new Option<string?>("--server-dll") { Description = $"The server to run (default: <repository>/{RepositoryPaths.ServerDll})." };
        var keep = new Option<bool>("--keep-data") { Description = "Keep the temporary directory (maildir, server state, server log) afterwards." };
        var warmup = CommonOptions.WarmupWindows(DemoBench.DefaultWarmupWindows);
        var maxSeconds = CommonOptions.MaxSeconds();
        var shared = new Option<bool>("--shared-mailbox") { Description = "All devices sync the one account's mailbox (default: each device its own account with its own mailbox of --messages)." };
        var report = CommonOptions.Report();
        var command = new Command("demo-bench", "Measure an initial sync end to end against a private Dovecot and the Release server.")
        {
            messages, size, window, truncation, version, devices, warmup, logLevel, serverDll, keep, maxSeconds, shared, report,
        };
        command.SetAction(async (result, token) =>
        {
            using var deadline = new RunDeadline(TimeSpan.FromSeconds(result.GetValue(maxSeconds)), token);
            var settings = new DemoBenchSettings(
                result.GetValue(messages), result.GetValue(size), result.GetValue(window), result.GetValue(truncation),
                result.GetValue(version)!, result.GetValue(devices), result.GetValue(warmup), result.GetValue(logLevel)!, result.GetValue(serverDll), result.GetValue(keep),
                result.GetValue(shared), result.GetValue(report));
            return await DemoBench.RunAsync(settings, deadline);
        });
        return command;
    }
}
