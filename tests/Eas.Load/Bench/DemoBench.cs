using System.Diagnostics;
using System.Globalization;
using Eas.Load.InitialSync;
using Eas.Load.Measuring;
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
    public const int DefaultWarmupWindows = 10;
    private static readonly TimeSpan ServerStartTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(DemoBenchSettings settings, RunDeadline deadline)
    {
        var machine = MachineInfo.Read();
        AnsiConsole.WriteLine("Machine: " + machine.Describe());
        if (BenchSupport.LocateServer(settings.ServerDll) is not { } serverDll) return 2;

        var workDirectory = BenchSupport.CreateWorkDirectory("eas-bench-");

        var password = "bench-" + Guid.NewGuid().ToString("N");
        DovecotInstance? dovecot = null;
        ServerProcess? server = null;
        try
        {
            dovecot = await DovecotInstance.StartAsync(new DovecotOptions { DataDirectory = Path.Combine(workDirectory, "dovecot") }, deadline.Token);
            dovecot.AddUser(User, password);
            AnsiConsole.WriteLine($"Dovecot: 127.0.0.1:{dovecot.ImapPort}, data {dovecot.DataDirectory}");

            var seeded = await SeedAsync(dovecot, settings, deadline);
            if (deadline.IsOver) return Stopped(deadline);
            var indexed = await IndexAsync(dovecot, password, deadline.Token);
            AnsiConsole.WriteLine($"Dovecot indexed INBOX: {indexed.Exists:N0} messages in {indexed.Elapsed.TotalSeconds:0.00} s (SELECT + FETCH 1:* FLAGS INTERNALDATE RFC822.SIZE; not part of the sync figure)");

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
            server = await ServerProcess.StartAsync(serverDll, arguments, baseUrl, Path.Combine(workDirectory, "server.log"), ServerStartTimeout, deadline.Token);
            var kept = settings.KeepData ? "" : " (removed at the end unless --keep-data)";
            AnsiConsole.WriteLine($"Server: pid {server.ProcessId}, RSS {(RssSampler.ReadKib(server.ProcessId) ?? 0) / 1024.0:0.0} MiB at start, log {server.LogPath}{kept}");

            List<CpuSource> cpuSources = [new("server", server.ProcessId, Tree: false)];
            if (ProcessCpu.FindByCommandLine(dovecot.ConfigPath) is { } dovecotPid) cpuSources.Add(new CpuSource("dovecot", dovecotPid));
            var outcome = await InitialSyncRun.RunAsync(new InitialSyncSettings(
                new Uri(baseUrl, "/Microsoft-Server-ActiveSync"), User, password, settings.Devices, settings.WindowSize, settings.Truncation,
                settings.Version, server.ProcessId, (int)indexed.Exists, cpuSources, settings.WarmupWindows), deadline);
            InitialSyncReport.Print(outcome);
            var goal = outcome.ItemsPerSecond >= GoalItemsPerSecond ? "[green]met[/]" : "[red]not met[/]";
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "Goal of {0:N0} items/s end to end: {1} ({2:N0} items/s)", GoalItemsPerSecond, goal, outcome.ItemsPerSecond);
            AnsiConsole.WriteLine($"seeding: {seeded.Written} messages of ~{settings.BodyBytes} bytes by maildir at {seeded.MessagesPerSecond:0} messages/s; machine now: {MachineInfo.Read().Describe()}");
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

    private static async Task<SeedResult> SeedAsync(DovecotInstance dovecot, DemoBenchSettings settings, RunDeadline deadline)
    {
        var seeder = new MaildirSeeder(dovecot, User, new MessageFactory(User, settings.BodyBytes, settings.Messages));
        SeedResult? result = null;
        await AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("writing maildir", maxValue: Math.Max(1, settings.Messages));
                result = await seeder.RunAsync(settings.Messages, () => task.Increment(1), deadline);
                task.StopTask();
            });
        AnsiConsole.WriteLine($"Seeded {result!.Written:N0} messages ({result.Bytes / 1048576.0:0.0} MiB) in {result.Elapsed.TotalSeconds:0.00} s: {result.MessagesPerSecond:N0} messages/s");
        return result;
    }

    /// <summary>Lets Dovecot take in the new maildir files and cache what a listing reads, as a mail store in use would have.</summary>
    private static async Task<(uint Exists, TimeSpan Elapsed)> IndexAsync(DovecotInstance dovecot, string password, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var client = await new PlainImap("127.0.0.1", dovecot.ImapPort).SignInAsync(User, password, cancellationToken);
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
