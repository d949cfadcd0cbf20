using System.Diagnostics;
using System.Globalization;
using Eas.Load.InitialSync;
using Eas.Load.Measuring;
using Eas.Load.Reporting;
using Eas.Load.Safety;
using Eas.Load.Seeding;
using MailKit;
using Eas.Mail.LocalDovecot;
using Spectre.Console;

namespace Eas.Load.Bench;

/// <summary>
/// The one-command measurement: a private Dovecot in a temporary directory, one account filled with N
/// messages written straight into its maildir, the Release server as a child process on a free loopback
/// port pointed at that Dovecot, then an initial sync against it with the child's RSS sampled and the CPU
/// time of server, Dovecot and this tool accounted, and the machine it ran on. Dovecot's first indexing of the new mail is done (and timed) before the server starts,
/// so the sync figure is the server's, not that one-off cost. Everything it started is stopped at the end,
/// also when the deadline passes or the run fails, and the directory removed unless asked to keep it.
/// </summary>
internal static class DemoBench
{
    public const string Domain = "ox.io";
    public const string User = "bench@" + Domain;
    public const double GoalItemsPerSecond = 2000;
    /// <summary>Issue 19: four phones syncing at once, each its own mailbox, at least this many items/s together.</summary>
    public const double GoalItemsPerSecondTogether = 4000;
    public const int DefaultWarmupWindows = 10;
    private static readonly TimeSpan ServerStartTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(DemoBenchSettings settings, RunDeadline deadline)
    {
        var machine = MachineInfo.Read();
        AnsiConsole.WriteLine("Machine: " + machine.Describe());
        if (BenchSupport.LocateServer(settings.ServerDll) is not { } serverDll) return 2;

        var workDirectory = BenchSupport.CreateWorkDirectory("eas-bench-");

        var password = "bench-" + Guid.NewGuid().ToString("N");
        var users = Users(settings);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var phases = new PhaseLog(() => clock.Elapsed);
        DovecotInstance? dovecot = null;
        ServerProcess? server = null;
        try
        {
            dovecot = await DovecotInstance.StartAsync(new DovecotOptions { DataDirectory = Path.Combine(workDirectory, "dovecot") }, deadline.Token);
            foreach (var user in users) dovecot.AddUser(user, password);
            AnsiConsole.WriteLine($"Dovecot: 127.0.0.1:{dovecot.ImapPort}, data {dovecot.DataDirectory}");
            AnsiConsole.WriteLine(users.Count == 1
                ? $"Mailbox: {users[0]}, synced by {settings.Devices} device(s)"
                : $"Mailboxes: {users.Count} accounts ({users[0]} ... {users[^1]}), each with {settings.Messages:N0} messages and one device");

            phases.Begin("seed maildir");
            var seeded = await SeedAsync(dovecot, settings, users, deadline);
            if (deadline.IsOver) return Stopped(deadline);
            phases.Begin("Dovecot indexing");
            var indexed = (Exists: 0u, Elapsed: TimeSpan.Zero);
            foreach (var user in users)
            {
                var one = await IndexAsync(dovecot, user, password, deadline.Token);
                indexed = (one.Exists, indexed.Elapsed + one.Elapsed);
            }

            AnsiConsole.WriteLine($"Dovecot indexed INBOX of {users.Count} account(s): {indexed.Exists:N0} messages each in {indexed.Elapsed.TotalSeconds:0.00} s (SELECT + FETCH 1:* FLAGS INTERNALDATE RFC822.SIZE; not part of the sync figure)");

            var baseUrl = new Uri($"http://127.0.0.1:{BenchSupport.FreePort()}");
            string[] arguments =
            [
                "--urls", baseUrl.ToString().TrimEnd('/'),
                $"--Eas:DataDir={Path.Combine(workDirectory, "state")}",
                $"--Eas:DefaultDomain={Domain}",
                "--Eas:Imap:Host=127.0.0.1",
                $"--Eas:Imap:Port={dovecot.ImapPort}",
                "--Eas:Imap:Security=None",
                $"--Eas:LogLevel={settings.ServerLogLevel}",
            ];
            AnsiConsole.WriteLine($"Server: dotnet {serverDll} {string.Join(' ', arguments)}");
            phases.Begin("server start");
            server = await ServerProcess.StartAsync(serverDll, arguments, baseUrl, Path.Combine(workDirectory, "server.log"), ServerStartTimeout, deadline.Token);
            var kept = settings.KeepData ? "" : " (removed at the end unless --keep-data)";
            AnsiConsole.WriteLine($"Server: pid {server.ProcessId}, RSS {(RssSampler.ReadKib(server.ProcessId) ?? 0) / 1024.0:0.0} MiB at start, log {server.LogPath}{kept}");

            phases.Begin("warm-up + sync");
            var sampler = ResourceSampler.Start([("server", server.ProcessId, baseUrl)], deadline.Token);
            List<CpuSource> cpuSources = [new("server", server.ProcessId, Tree: false)];
            if (ProcessCpu.FindByCommandLine(dovecot.ConfigPath) is { } dovecotPid) cpuSources.Add(new CpuSource("dovecot", dovecotPid));
            var outcome = await InitialSyncRun.RunAsync(new InitialSyncSettings(
                new Uri(baseUrl, "/Microsoft-Server-ActiveSync"), users[0], password, settings.Devices, settings.WindowSize, settings.Truncation,
                settings.Version, server.ProcessId, (int)indexed.Exists, cpuSources, settings.WarmupWindows, Users: users), deadline);
            var samples = await sampler.StopAsync();
            phases.End();
            var serverPhases = ServerPhases(samples, outcome.Elapsed);
            var report = RunReport.Create(settings.Report, "demo-bench");
            report.StartText();
            InitialSyncReport.Print(outcome);
            var goalFigure = settings.Devices > 1 ? GoalItemsPerSecondTogether : GoalItemsPerSecond;
            var goal = outcome.ItemsPerSecond >= goalFigure ? "[green]met[/]" : "[red]not met[/]";
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "Goal of {0:N0} items/s end to end{1}: {2} ({3:N0} items/s)", goalFigure,
                settings.Devices > 1 ? $", {settings.Devices} devices together" : "", goal, outcome.ItemsPerSecond);
            AnsiConsole.WriteLine($"seeding: {seeded.Written} messages of ~{settings.BodyBytes} bytes by maildir at {seeded.MessagesPerSecond:0} messages/s; machine now: {MachineInfo.Read().Describe()}");
            report.Note(users.Count == 1 ? $"{settings.Devices} device(s) on one account ({users[0]})" : $"{users.Count} devices, each its own account with {settings.Messages:N0} messages");
            InitialSyncFigures.Draw(report, outcome, samples, [.. SplitLast(phases.Phases, outcome.Elapsed)], serverPhases);
            report.Write($"demo-bench: {settings.Messages:N0} messages x {settings.Devices} device(s)", InitialSyncReport.Summary(outcome));
            return outcome.Passed ? 0 : 1;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException or TimeoutException or IOException || PlainImap.IsFailure(e))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]demo-bench failed:[/] {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (deadline.IsOver)
        {
            return Stopped(deadline);
        }
        finally
        {
            await StopAllAsync(server, dovecot, workDirectory, settings.KeepData);
        }
    }

    /// <summary>The accounts: <see cref="User"/> for one device or a shared mailbox, else <c>bench01@ox.io</c>, ... one per device.</summary>
    private static IReadOnlyList<string> Users(DemoBenchSettings settings) =>
        settings.Devices == 1 || settings.SharedMailbox
            ? [User]
            : [.. Enumerable.Range(1, settings.Devices).Select(i => string.Create(CultureInfo.InvariantCulture, $"bench{i:D2}@{Domain}"))];

    /// <summary>The measured sync on the resource sampler's clock: the last <paramref name="syncElapsed"/> of its series; before it, set-up and warm-up.</summary>
    private static IReadOnlyList<Phase> ServerPhases(IReadOnlyList<ResourceSample> samples, TimeSpan syncElapsed)
    {
        if (samples.Count == 0) return [];
        var end = samples[^1].At;
        var start = end > syncElapsed ? end - syncElapsed : TimeSpan.Zero;
        return [new Phase("warm-up + set-up", TimeSpan.Zero, start), new Phase("sync", start, end)];
    }

    /// <summary>The last phase (warm-up and sync) split where the measured sync began: its last <paramref name="syncElapsed"/>.</summary>
    private static IEnumerable<Phase> SplitLast(IReadOnlyList<Phase> phases, TimeSpan syncElapsed)
    {
        if (phases.Count == 0) return phases;
        var last = phases[^1];
        var start = last.End - syncElapsed > last.Start ? last.End - syncElapsed : last.Start;
        return [.. phases.Take(phases.Count - 1), new Phase("warm-up", last.Start, start), new Phase("sync", start, last.End)];
    }

    private static async Task<SeedResult> SeedAsync(DovecotInstance dovecot, DemoBenchSettings settings, IReadOnlyList<string> users, RunDeadline deadline)
    {
        List<SeedResult> results = [];
        await AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("writing maildir", maxValue: Math.Max(1, settings.Messages * users.Count));
                foreach (var user in users)
                {
                    var seeder = new MaildirSeeder(dovecot, user, new MessageFactory(user, settings.BodyBytes, settings.Messages));
                    results.Add(await seeder.RunAsync(settings.Messages, () => task.Increment(1), deadline));
                }

                task.StopTask();
            });
        var result = new SeedResult(results.Sum(r => r.Requested), results.Sum(r => r.Written), results.Sum(r => r.Bytes), results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed),
            results.Sum(r => r.Errors), results.Select(r => r.FirstError).FirstOrDefault(e => e is not null), results.Select(r => r.StopReason).FirstOrDefault(r => r is not null));
        AnsiConsole.WriteLine($"Seeded {result.Written:N0} messages ({result.Bytes / 1048576.0:0.0} MiB) in {result.Elapsed.TotalSeconds:0.00} s: {result.MessagesPerSecond:N0} messages/s");
        return result;
    }

    /// <summary>Lets Dovecot take in the new maildir files and cache what a listing reads, as a mail store in use would have.</summary>
    private static async Task<(uint Exists, TimeSpan Elapsed)> IndexAsync(DovecotInstance dovecot, string user, string password, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var client = await new PlainImap("127.0.0.1", dovecot.ImapPort).SignInAsync(user, password, cancellationToken);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        var exists = (uint)client.Inbox.Count;
        if (exists > 0)
            await client.Inbox.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Flags | MessageSummaryItems.InternalDate | MessageSummaryItems.Size), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return (exists, clock.Elapsed);
    }

    private static async Task StopAllAsync(ServerProcess? server, DovecotInstance? dovecot, string workDirectory, bool keep)
    {
        if (server is not null)
        {
            var exitCode = await server.StopAsync();
            AnsiConsole.WriteLine($"Server stopped (exit code {exitCode}).");
            await server.DisposeAsync();
        }

        if (dovecot is not null)
        {
            await dovecot.DisposeAsync();
            AnsiConsole.WriteLine("Dovecot stopped.");
        }

        BenchSupport.RemoveWorkDirectory(workDirectory, keep, "Dovecot, maildir, server state and log");
    }

    private static int Stopped(RunDeadline deadline)
    {
        AnsiConsole.MarkupLineInterpolated($"[yellow]Stopped before the sync finished:[/] {deadline.StopReason}");
        return 1;
    }
}
