using System.Globalization;
using Eas.Load.Measuring;
using Eas.Load.Push;
using Eas.Load.Reporting;
using Eas.Load.Safety;
using Eas.Load.Seeding;
using Eas.Mail.LocalDovecot;
using Spectre.Console;

namespace Eas.Load.Bench;

/// <summary>
/// Issue 19's push figure in one command: a private Dovecot sized for the accounts, each account with one message,
/// the Release server as a child (push by Dovecot's webhook by default, or a watcher session per account), one phone
/// per account parked, then one message appended to every mailbox at once (<see cref="FanoutRun"/>). Reports per
/// account APPEND done to Ping answered, the missing, the server's own share, and a report folder with the charts.
/// Everything started is stopped at the end, also when the deadline passes or the run fails.
/// </summary>
internal static class FanoutBench
{
    public const string Domain = "ox.io";
    /// <summary>Descriptors this tool needs besides a Ping socket and an APPEND session per account.</summary>
    private const int DescriptorReserve = 256;

    public static async Task<int> RunAsync(FanoutBenchSettings settings, RunDeadline deadline)
    {
        AnsiConsole.WriteLine("Machine: " + MachineInfo.Read().Describe());
        var own = ProcessSnapshot.Read(Environment.ProcessId);
        var needed = 2 * settings.Accounts + settings.Concurrency + DescriptorReserve;
        if (own.FileLimit is { } limit && needed > limit)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Refused:[/] {settings.Accounts:N0} accounts need about {needed:N0} descriptors in this process (a Ping and an APPEND session each), over its limit of {limit:N0}; raise `ulimit -n`.");
            return 2;
        }

        if (!settings.Webhook) InotifyLimit.Report(settings.Accounts);
        if (BenchSupport.LocateServer(settings.ServerDll) is not { } serverDll) return 2;
        var workDirectory = BenchSupport.CreateWorkDirectory("eas-fanout-");
        var password = "bench-" + Guid.NewGuid().ToString("N");
        var accounts = Enumerable.Range(0, settings.Accounts).Select(i => string.Create(CultureInfo.InvariantCulture, $"fan{i:D5}@{Domain}")).ToList();
        DovecotInstance? dovecot = null;
        ServerCluster? servers = null;
        try
        {
            int? serverPort = settings.Webhook ? BenchSupport.FreePort() : null;
            dovecot = await DovecotInstance.StartAsync(new DovecotOptions
            {
                DataDirectory = Path.Combine(workDirectory, "dovecot"),
                MaxConnections = settings.ImapSessions,
                PushWebhook = serverPort is { } port ? new DovecotPushWebhook(new Uri($"http://127.0.0.1:{port}/push/dovecot"), password) : null,
            }, deadline.Token);
            AnsiConsole.WriteLine($"Dovecot: 127.0.0.1:{dovecot.ImapPort}, sized for {settings.ImapSessions:N0} IMAP sessions, data {dovecot.DataDirectory}");
            await PushBench.CreateAccountsAsync(dovecot, accounts, password, deadline.Token);
            string[] arguments =
            [
                $"--Eas:DefaultDomain={Domain}",
                "--Eas:Imap:Host=127.0.0.1",
                $"--Eas:Imap:Port={dovecot.ImapPort}",
                "--Eas:Imap:Security=None",
                $"--Eas:Ping:MinHeartbeatSeconds={Math.Min(60, settings.HeartbeatSeconds)}",
                $"--Eas:Ping:MaxHeartbeatSeconds={Math.Max(3540, settings.HeartbeatSeconds)}",
                $"--Eas:LogLevel={settings.ServerLogLevel}",
                $"--Eas:License:ActiveSyncMailboxCount={settings.Accounts}",
                .. settings.Webhook ? new[] { "--Eas:Push:Mode=Webhook", $"--Eas:Push:Webhook:Secret={password}" } : [],
            ];
            AnsiConsole.WriteLine($"Push: {settings.Push}");
            servers = await ServerCluster.StartAsync(serverDll, arguments, 1, workDirectory, deadline.Token, serverPort);
            var server = servers.Nodes[0];
            AnsiConsole.WriteLine($"Server: pid {server.Process.ProcessId}, log {server.Process.LogPath}");

            var sampler = ResourceSampler.Start([("server", server.Process.ProcessId, server.BaseUrl)], deadline.Token);
            var phases = new PhaseLog(() => sampler.Elapsed);
            var outcome = await FanoutRun.RunAsync(settings, server, accounts, password, new PlainImap("127.0.0.1", dovecot.ImapPort), phases, deadline);
            var samples = await sampler.StopAsync();
            var serverLog = LogScan.Server(server.Process.LogPath);
            await servers.DisposeAsync();
            servers = null;

            var report = RunReport.Create(settings.Report, "fanout-bench");
            report.StartText();
            FanoutReport.Print(outcome, samples);
            AnsiConsole.WriteLine($"server log {serverLog.Path}: {serverLog.Errors} errors, {serverLog.Warnings} warnings");
            foreach (var (line, count) in serverLog.Problems) AnsiConsole.WriteLine($"  x{count}: {line}");
            AnsiConsole.WriteLine("Machine: " + MachineInfo.Read().Describe());
            var summary = FanoutReport.Summary(outcome, settings.Push);
            AnsiConsole.Profile.Out.Writer.WriteLine(summary);
            FanoutReport.Draw(report, outcome, samples, phases.Phases);
            report.Write($"fanout-bench: {settings.Accounts:N0} mailboxes changed at once, push {settings.Push}", summary);
            return FanoutReport.Passed(outcome) ? 0 : 1;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException or TimeoutException or IOException || PlainImap.IsFailure(e))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]fanout-bench failed:[/] {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (deadline.IsOver)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]Stopped before the devices were running:[/] {deadline.StopReason}");
            return 1;
        }
        finally
        {
            if (servers is not null) await servers.DisposeAsync();
            if (dovecot is not null) await dovecot.DisposeAsync();
            BenchSupport.RemoveWorkDirectory(workDirectory, settings.KeepData, "Dovecot and its log, maildirs, server state and log");
        }
    }
}
