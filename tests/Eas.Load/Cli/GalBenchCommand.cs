using System.CommandLine;
using Eas.Load.Bench;
using Eas.Load.Pim;
using Eas.Load.Safety;

namespace Eas.Load.Cli;

/// <summary><c>eas-load gal-bench</c>: a GAL of N people (entries file or private slapd), one 16.1 phone's Search and ResolveRecipients latencies.</summary>
internal static class GalBenchCommand
{
    public static Command Create()
    {
        var entries = CommonOptions.Positive(new Option<int>("--entries") { Description = "People in the GAL.", DefaultValueFactory = _ => 1_000 });
        var gal = new Option<string>("--gal") { Description = "The GAL provider: the server's accounts plus an entries file, or a private slapd.", DefaultValueFactory = _ => "accounts" }
            .AcceptOnlyFromAmong("accounts", "ldap");
        var requests = CommonOptions.Positive(new Option<int>("--requests") { Description = "Measured requests, Search and ResolveRecipients in turn.", DefaultValueFactory = _ => 400 });
        var logLevel = new Option<string>("--server-log-level") { Description = "The server's Eas:LogLevel (its log is kept with --keep-data).", DefaultValueFactory = _ => "Warning" }
            .AcceptOnlyFromAmong("Verbose", "Debug", "Information", "Warning", "Error");
        var serverDll = new Option<string?>("--server-dll") { Description = $"The server to run (default: <repository>/{RepositoryPaths.ServerDll})." };
        var keep = new Option<bool>("--keep-data") { Description = "Keep the temporary directory (entries file or slapd data, server state, server log) afterwards." };
        var maxSeconds = CommonOptions.MaxSeconds();
        var command = new Command("gal-bench", "Measure GAL Search and ResolveRecipients latency against a directory of N people and the Release server.")
        {
            entries, gal, requests, logLevel, serverDll, keep, maxSeconds,
        };
        command.SetAction(async (result, token) =>
        {
            using var deadline = new RunDeadline(TimeSpan.FromSeconds(result.GetValue(maxSeconds)), token);
            var settings = new GalBenchSettings(result.GetValue(entries), result.GetValue(gal)!, result.GetValue(requests), result.GetValue(logLevel)!,
                result.GetValue(serverDll), result.GetValue(keep));
            return await GalBench.RunAsync(settings, deadline);
        });
        return command;
    }
}
