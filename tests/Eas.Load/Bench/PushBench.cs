using System.Data.Common;
using System.Globalization;
using Eas.Load.Floor;
using Eas.Load.Measuring;
using Eas.Load.Push;
using Eas.Load.Reporting;
using Eas.Load.Safety;
using Eas.Load.Seeding;
using Eas.Mail.LocalDovecot;
using Spectre.Console;

namespace Eas.Load.Bench;

/// <summary>
/// The push measurement in one command: a private Dovecot sized for the accounts
/// (<see cref="DovecotOptions.MaxConnections"/>), each account with one message written into its maildir,
/// the Release server as a child process on a free loopback port (or a cluster of them with a private PostgreSQL,
/// <see cref="ServerCluster"/>), then <see cref="PushRun"/>: every device
/// set up and parked, the Pings held while mail arrives, the figures. All phones live in this one process:
/// each parked Ping is one socket here, and the run refuses to start when the devices would not fit under this
/// process's descriptor limit. Everything started is stopped at the end, also when the deadline passes or the
/// run fails, and the directory is removed unless asked to keep it.
/// </summary>
internal static class PushBench
{
    public const string Domain = "ox.io";
    /// <summary>Descriptors this tool needs besides one socket per device: runtime, Dovecot's and the server's pipes, the APPEND session.</summary>
    private const int DescriptorReserve = 256;

    public static async Task<int> RunAsync(PushBenchSettings settings, RunDeadline deadline)
    {
        var machine = MachineInfo.Read();
        AnsiConsole.WriteLine("Machine: " + machine.Describe());
        if (!DescriptorsSuffice(settings)) return 2;
        InotifyLimit.Report(settings.Accounts);
        if (BenchSupport.LocateServer(settings.ServerDll) is not { } serverDll) return 2;
        if (settings.Nodes > 1 && !File.Exists(ServerCluster.PostgresBinary))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Refused:[/] --nodes {settings.Nodes} needs PostgreSQL 15 for the cluster's journal, and {ServerCluster.PostgresBinary} is missing: apt-get install postgresql.");
            return 2;
        }

        var workDirectory = BenchSupport.CreateWorkDirectory("eas-push-");
        var password = "bench-" + Guid.NewGuid().ToString("N");
        var accounts = Enumerable.Range(0, settings.Accounts).Select(i => string.Create(CultureInfo.InvariantCulture, $"push{i:D5}@{Domain}")).ToList();
        DovecotInstance? dovecot = null;
        ServerCluster? servers = null;
        try
        {
            // Webhook mode: Dovecot names the server's URL before either starts, so the server's port is chosen first.
            int? serverPort = settings.Webhook ? BenchSupport.FreePort() : null;
            dovecot = await DovecotInstance.StartAsync(new DovecotOptions
            {
                DataDirectory = Path.Combine(workDirectory, "dovecot"),
                MaxConnections = settings.ImapSessions,
                PushWebhook = serverPort is { } port ? new DovecotPushWebhook(new Uri($"http://127.0.0.1:{port}/push/dovecot"), password) : null,
            }, deadline.Token);
            AnsiConsole.WriteLine($"Dovecot: 127.0.0.1:{dovecot.ImapPort}, sized for {settings.ImapSessions:N0} IMAP sessions, data {dovecot.DataDirectory}");
            await CreateAccountsAsync(dovecot, accounts, password, deadline.Token);

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
                $"--Eas:Admin:Users:{OperatorProbe.Admin}={OperatorProbe.AdminPassword}",
                .. settings.Webhook ? new[] { "--Eas:Push:Mode=Webhook", $"--Eas:Push:Webhook:Secret={password}" } : [],
            ];
            AnsiConsole.WriteLine($"Push: {(settings.Webhook ? "webhook (Dovecot's push_notification plugin posts to the server; no watcher sessions)" : "imap (a watcher session per account)")}");
            servers = await ServerCluster.StartAsync(serverDll, arguments, settings.Nodes, workDirectory, deadline.Token, serverPort, settings.ServerNofile);
            foreach (var node in servers.Nodes)
            {
                AnsiConsole.WriteLine($"{(settings.Nodes > 1 ? $"Node {node.Number}" : "Server")}: pid {node.Process.ProcessId}, log {node.Process.LogPath}{(settings.KeepData ? "" : " (removed at the end unless --keep-data)")}");
            }

            var probe = new PushProbe([.. servers.Nodes.Select(n => n.Process.ProcessId)], ProcessCpu.FindByCommandLine(dovecot.ConfigPath), dovecot.ImapPort);
            List<LogScan> logs = [.. servers.Nodes.Select(n => LogScan.Server(n.Process.LogPath, settings.Nodes > 1 ? $"node {n.Number}" : "server"))];
            var sampler = ResourceSampler.Start([.. servers.Nodes.Select(n => (settings.Nodes > 1 ? $"node {n.Number}" : "server", n.Process.ProcessId, (Uri?)n.BaseUrl))], deadline.Token);
            var outcome = await PushRun.RunAsync(settings, [.. servers.Nodes.Select(n => n.Endpoint)], accounts, password, new PlainImap("127.0.0.1", dovecot.ImapPort), probe, deadline);
            var samples = await sampler.StopAsync();
            await StopAsync(servers, dovecot);
            (servers, dovecot) = (null, null);
            var report = RunReport.Create(settings.Report, "push-bench");
            report.StartText();
            PushReport.Print(outcome, MachineInfo.Read(), [.. logs, LogScan.Dovecot(Path.Combine(workDirectory, "dovecot", "dovecot.log"))]);
            if (outcome.Operator is { } operatorFigures) OperatorProbe.Print(operatorFigures);
            if (settings.Floor && await FloorBench.MeasureAsync(outcome.ParkedAfterSetup, serverDll, workDirectory, deadline.Token) is { } floor) PushReport.PrintFloor(outcome, floor);
            PushFigures.Draw(report, outcome, settings, samples);
            report.Write($"push-bench: {settings.Devices:N0} devices over {settings.Accounts:N0} accounts, push {settings.Push}, {settings.Nodes} node(s)", PushReport.Summary(outcome));
            return PushReport.Passed(outcome) ? 0 : 1;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException or TimeoutException or IOException or DbException || PlainImap.IsFailure(e))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]push-bench failed:[/] {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (deadline.IsOver)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]Stopped before the devices were running:[/] {deadline.StopReason}");
            return 1;
        }
        finally
        {
            await StopAsync(servers, dovecot);
            BenchSupport.RemoveWorkDirectory(workDirectory, settings.KeepData, settings.Nodes > 1 ? "Dovecot and its log, maildirs, each node's state and log" : "Dovecot and its log, maildirs, server state and log");
        }
    }

    /// <summary>
    /// Every parked Ping holds a socket of this process, and each node's connection pool may keep up to a setup
    /// round's connections idle; refuses (with the reason written) when they would not fit under its descriptor limit.
    /// </summary>
    private static bool DescriptorsSuffice(PushBenchSettings settings)
    {
        var own = ProcessSnapshot.Read(Environment.ProcessId);
        var needed = settings.Devices + settings.Nodes * settings.Concurrency + DescriptorReserve;
        AnsiConsole.WriteLine($"Descriptors: this tool may open {own.FileLimit?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"} (hard limit {own.FileLimitHard?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"}); {settings.Devices:N0} devices need about {needed:N0}.");
        if (own.FileLimit is not { } limit || needed <= limit) return true;
        AnsiConsole.MarkupLineInterpolated(
            $"[red]Refused:[/] {settings.Devices:N0} parked Pings need about {needed:N0} descriptors in this process, over its limit of {limit:N0}; raise `ulimit -n` (up to the hard limit) or use fewer --devices.");
        return false;
    }

    /// <summary>Adds each account to Dovecot with one message in its maildir (fan-out bench too).</summary>
    internal static async Task CreateAccountsAsync(DovecotInstance dovecot, IReadOnlyList<string> accounts, string password, CancellationToken token)
    {
        await AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("creating accounts (one message each)", maxValue: accounts.Count);
                foreach (var account in accounts)
                {
                    dovecot.AddUser(account, password);
                    var message = new MessageFactory(account, 2_000, 1).Create(0);
                    var path = await dovecot.DeliverAsync(account, message.Bytes, message.Seen, token);
                    File.SetLastWriteTimeUtc(path, message.Date.UtcDateTime);
                    task.Increment(1);
                }

                task.StopTask();
            });
    }

    private static async Task StopAsync(ServerCluster? servers, DovecotInstance? dovecot)
    {
        if (servers is not null) await servers.DisposeAsync();

        if (dovecot is not null)
        {
            await dovecot.DisposeAsync();
            AnsiConsole.WriteLine("Dovecot stopped.");
        }
    }
}
