using System.CommandLine;
using Eas.Load.Eas;
using Eas.Load.InitialSync;
using Eas.Load.Measuring;
using Eas.Load.Safety;
using Spectre.Console;

namespace Eas.Load.Cli;

/// <summary><c>eas-load initial-sync</c>: simulated phones sync a user's INBOX from scratch against a running server.</summary>
internal static class InitialSyncCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The server (http://127.0.0.1:PORT) or its ActiveSync URL; must be loopback.", Required = true };
        var user = new Option<string>("--user") { Description = "Sign-in name of the account.", Required = true };
        var password = CommonOptions.Password();
        var devices = CommonOptions.Devices();
        var window = CommonOptions.Window();
        var truncation = CommonOptions.Truncation();
        var version = CommonOptions.Version();
        var serverPid = new Option<int?>("--server-pid") { Description = "The server's process: sample its VmRSS every 500 ms and account its CPU time (Linux /proc)." };
        var imapPid = new Option<int?>("--imap-pid") { Description = "Account the CPU time of this process and its children (e.g. Dovecot's master)." };
        var expect = new Option<int?>("--expect-items") { Description = "Items each device should get; the run fails otherwise." };
        var warmup = CommonOptions.WarmupWindows(0);
        var maxSeconds = CommonOptions.MaxSeconds();
        var command = new Command("initial-sync", "Provision, FolderSync and sync the INBOX from key 0 to the end, with N devices at once.")
        {
            url, user, password, devices, window, truncation, version, serverPid, imapPid, expect, warmup, maxSeconds,
        };
        command.SetAction(async (result, token) =>
        {
            if (CommonOptions.ResolvePassword(result.GetValue(password)) is not { } secret) return 2;
            using var deadline = new RunDeadline(TimeSpan.FromSeconds(result.GetValue(maxSeconds)), token);
            Uri checkedUrl;
            try
            {
                (checkedUrl, _) = await LoopbackGuard.CheckUrlAsync(result.GetValue(url)!, deadline.Token);
            }
            catch (LoopbackViolationException e)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Refused:[/] {e.Message}");
                return 2;
            }

            if (result.GetValue(serverPid) is { } pid && RssSampler.ReadKib(pid) is null)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]No VmRSS in /proc/{pid}/status:[/] is process {pid} running?");
                return 2;
            }

            AnsiConsole.WriteLine("Machine: " + MachineInfo.Read().Describe());
            var cpuSources = new List<CpuSource>();
            if (result.GetValue(serverPid) is { } server) cpuSources.Add(new CpuSource("server", server, Tree: false));
            if (result.GetValue(imapPid) is { } imap) cpuSources.Add(new CpuSource("IMAP server", imap));
            var settings = new InitialSyncSettings(
                EasClient.EndpointFor(checkedUrl), result.GetValue(user)!, secret, result.GetValue(devices), result.GetValue(window),
                result.GetValue(truncation), result.GetValue(version)!, result.GetValue(serverPid), result.GetValue(expect), cpuSources, result.GetValue(warmup));
            var outcome = await InitialSyncRun.RunAsync(settings, deadline);
            InitialSyncReport.Print(outcome);
            return outcome.Passed ? 0 : 1;
        });
        return command;
    }
}
