using System.Globalization;
using Eas.Load.Bench;
using Eas.Load.InitialSync;
using Eas.Load.Measuring;
using Eas.Load.Safety;
using Eas.Load.Seeding;
using Eas.Mail.LocalDovecot;
using Eas.Mail.LocalRadicale;
using Spectre.Console;

namespace Eas.Load.Pim;

/// <summary>
/// Issue 15's contacts figure and issue 16's calendar figure: a private Dovecot (and, for <c>--store carddav</c> or
/// <c>dav</c>, a private Radicale) in a temporary directory, one account with N contacts or appointments seeded into
/// its store, the Release server as a child process on a free loopback port, then one phone's FolderSync and initial
/// Sync of the default contacts folder (type 9) or calendar (type 8) in windows,
/// reported as demo-bench reports (items/s, Sync p50/p99, CPU ms/item, peak RSS). Everything it started is stopped
/// at the end, also when the deadline passes or the run fails.
/// </summary>
internal static class ContactsBench
{
    public const string Domain = "ox.io";
    public const string User = "contacts@" + Domain;
    public const string CalendarUser = "calendar@" + Domain;
    private static readonly TimeSpan ServerStartTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(ContactsBenchSettings settings, RunDeadline deadline)
    {
        AnsiConsole.WriteLine("Machine: " + MachineInfo.Read().Describe());
        if (BenchSupport.LocateServer(settings.ServerDll) is not { } serverDll) return 2;
        var workDirectory = BenchSupport.CreateWorkDirectory("eas-contacts-bench-");
        var password = "bench-" + Guid.NewGuid().ToString("N");
        var user = settings.IsCalendar ? CalendarUser : User;
        DovecotInstance? dovecot = null;
        RadicaleInstance? radicale = null;
        ServerProcess? server = null;
        try
        {
            dovecot = await DovecotInstance.StartAsync(new DovecotOptions { DataDirectory = Path.Combine(workDirectory, "dovecot") }, deadline.Token);
            dovecot.AddUser(user, password);
            List<string> arguments =
            [
                $"--Eas:DataDir={Path.Combine(workDirectory, "state")}",
                $"--Eas:DefaultDomain={Domain}",
                "--Eas:Imap:Host=127.0.0.1",
                $"--Eas:Imap:Port={dovecot.ImapPort}",
                "--Eas:Imap:Security=None",
                $"--Eas:LogLevel={settings.ServerLogLevel}",
                $"--Eas:Pim:Store={settings.Store}",
            ];
            TimeSpan seeding;
            if (settings.Store is "carddav" or "dav")
            {
                radicale = await RadicaleInstance.StartAsync(new RadicaleOptions { DataDirectory = Path.Combine(workDirectory, "radicale") }, deadline.Token);
                radicale.AddUser(user, password);
                seeding = settings.IsCalendar
                    ? await ContactSeeding.CalendarToRadicaleAsync(radicale, user, settings.Contacts, deadline.Token)
                    : await ContactSeeding.ToRadicaleAsync(radicale, user, settings.Contacts, deadline.Token);
                arguments.Add($"--Eas:Pim:CardDav:UrlTemplate={radicale.HomeUrlTemplate}");
                if (settings.Store == "dav") arguments.Add($"--Eas:Pim:CalDav:UrlTemplate={radicale.HomeUrlTemplate}");
                AnsiConsole.WriteLine($"Radicale: {radicale.BaseUrl}, data {radicale.DataDirectory}");
            }
            else
            {
                seeding = await ContactSeeding.ToImapAsync(new PlainImap("127.0.0.1", dovecot.ImapPort), user, password, settings.Contacts, deadline.Token, settings.IsCalendar);
            }

            AnsiConsole.WriteLine(settings.IsCalendar
                ? string.Create(CultureInfo.InvariantCulture, $"Seeded {settings.Contacts:N0} appointments into the {settings.Store} store in {seeding.TotalSeconds:0.00} s (every {EventFactory.RecurringEvery}th a weekly series)")
                : string.Create(CultureInfo.InvariantCulture, $"Seeded {settings.Contacts:N0} contacts into the {settings.Store} store in {seeding.TotalSeconds:0.00} s (every {ContactFactory.PhotoEvery}th with a {ContactFactory.PhotoBytes / 1024} KiB photo)"));
            if (deadline.IsOver) return Stopped(deadline);

            var baseUrl = new Uri($"http://127.0.0.1:{BenchSupport.FreePort()}");
            arguments.InsertRange(0, ["--urls", baseUrl.ToString().TrimEnd('/')]);
            AnsiConsole.WriteLine($"Server: dotnet {serverDll} {string.Join(' ', arguments)}");
            server = await ServerProcess.StartAsync(serverDll, [.. arguments], baseUrl, Path.Combine(workDirectory, "server.log"), ServerStartTimeout, deadline.Token);
            AnsiConsole.WriteLine($"Server: pid {server.ProcessId}, RSS {(RssSampler.ReadKib(server.ProcessId) ?? 0) / 1024.0:0.0} MiB at start, log {server.LogPath}");

            List<CpuSource> cpuSources = [new("server", server.ProcessId, Tree: false)];
            if (ProcessCpu.FindByCommandLine(dovecot.ConfigPath) is { } dovecotPid) cpuSources.Add(new CpuSource("dovecot", dovecotPid));
            if (radicale is not null && ProcessCpu.FindByCommandLine(radicale.ConfigPath) is { } radicalePid) cpuSources.Add(new CpuSource("radicale", radicalePid));
            var outcome = await InitialSyncRun.RunAsync(new InitialSyncSettings(
                new Uri(baseUrl, "/Microsoft-Server-ActiveSync"), user, password, Devices: 1, settings.WindowSize, Truncation: 512,
                settings.Version, server.ProcessId, settings.Contacts, cpuSources, settings.WarmupWindows, settings.IsCalendar ? SyncedFolder.Calendar : SyncedFolder.Contacts), deadline);
            InitialSyncReport.Print(outcome);
            return outcome.Passed ? 0 : 1;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException or TimeoutException or IOException or HttpRequestException || PlainImap.IsFailure(e))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{settings.Class}-bench failed:[/] {e.Message}");
            if (server is not null) AnsiConsole.WriteLine("Server log: " + server.LogPath);
            return 1;
        }
        catch (OperationCanceledException) when (deadline.IsOver)
        {
            return Stopped(deadline);
        }
        finally
        {
            await StopAllAsync(server, radicale, dovecot, workDirectory, settings.KeepData);
        }
    }

    private static async Task StopAllAsync(ServerProcess? server, RadicaleInstance? radicale, DovecotInstance? dovecot, string workDirectory, bool keep)
    {
        if (server is not null)
        {
            AnsiConsole.WriteLine($"Server stopped (exit code {await server.StopAsync()}).");
            await server.DisposeAsync();
        }

        if (radicale is not null) await radicale.DisposeAsync();
        if (dovecot is not null) await dovecot.DisposeAsync();
        BenchSupport.RemoveWorkDirectory(workDirectory, keep, "Dovecot, Radicale, server state and log");
    }

    private static int Stopped(RunDeadline deadline)
    {
        AnsiConsole.MarkupLineInterpolated($"[yellow]Stopped before the sync finished:[/] {deadline.StopReason}");
        return 1;
    }
}
