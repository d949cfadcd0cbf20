using System.Globalization;
using Eas.Load.Bench;
using Eas.Load.Eas;
using Eas.Load.Measuring;
using Eas.Load.Safety;
using Eas.Load.Seeding;
using Eas.Mail.LocalDovecot;
using Eas.Mail.LocalSlapd;
using Spectre.Console;

namespace Eas.Load.Pim;

/// <summary>
/// Issue 15's directory figure: a private Dovecot (the accounts' sign-in), a GAL of N people from an entries file
/// (the accounts provider) or from a private slapd (<c>--gal ldap</c>), the Release server as a child process on a
/// free loopback port, then one 16.1 phone sending Search requests of the GAL (prefix queries of 1 to 3 letters,
/// Range 0-49) alternating with ResolveRecipients of an address or a last name, one at a time; p50/p99/max latency
/// over HTTP per command. A separate phone warms the server up first, unmeasured.
/// </summary>
internal static class GalBench
{
    public const string Domain = "ox.io";
    public const string User = "gal@" + Domain;
    private const int WarmupRequests = 20;
    private static readonly TimeSpan ServerStartTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(GalBenchSettings settings, RunDeadline deadline)
    {
        AnsiConsole.WriteLine("Machine: " + MachineInfo.Read().Describe());
        if (BenchSupport.LocateServer(settings.ServerDll) is not { } serverDll) return 2;
        var workDirectory = BenchSupport.CreateWorkDirectory("eas-gal-bench-");
        var password = "bench-" + Guid.NewGuid().ToString("N");
        var people = new GalPeople(settings.Entries);
        DovecotInstance? dovecot = null;
        SlapdInstance? slapd = null;
        ServerProcess? server = null;
        try
        {
            dovecot = await DovecotInstance.StartAsync(new DovecotOptions { DataDirectory = Path.Combine(workDirectory, "dovecot") }, deadline.Token);
            dovecot.AddUser(User, password);
            var baseUrl = new Uri($"http://127.0.0.1:{BenchSupport.FreePort()}");
            List<string> arguments =
            [
                "--urls", baseUrl.ToString().TrimEnd('/'),
                $"--Eas:DataDir={Path.Combine(workDirectory, "state")}",
                $"--Eas:DefaultDomain={Domain}",
                "--Eas:Imap:Host=127.0.0.1",
                $"--Eas:Imap:Port={dovecot.ImapPort}",
                "--Eas:Imap:Security=None",
                $"--Eas:LogLevel={settings.ServerLogLevel}",
            ];
            if (settings.Gal == "ldap")
            {
                slapd = await SlapdInstance.StartAsync(new SlapdOptions { DataDirectory = Path.Combine(workDirectory, "slapd") }, deadline.Token);
                await slapd.AddAsync(people.Ldif(slapd.Suffix), deadline.Token);
                AnsiConsole.WriteLine($"slapd: {slapd.Url}, {settings.Entries:N0} inetOrgPerson entries with photos under {GalPeople.PeopleRdn},{slapd.Suffix}");
                arguments.AddRange(["--Eas:Gal:Provider=ldap", $"--Eas:Gal:Ldap:Url={slapd.Url}", $"--Eas:Gal:Ldap:BindDn={slapd.RootDn}",
                    $"--Eas:Gal:Ldap:BindPassword={slapd.RootPassword}", $"--Eas:Gal:Ldap:BaseDn={GalPeople.PeopleRdn},{slapd.Suffix}"]);
            }
            else
            {
                var file = Path.Combine(workDirectory, "gal-entries.json");
                await people.WriteEntriesFileAsync(file, deadline.Token);
                AnsiConsole.WriteLine($"GAL entries file: {file}, {settings.Entries:N0} entries with photos");
                arguments.Add($"--Eas:Gal:EntriesFile={file}");
            }

            AnsiConsole.WriteLine($"Server: dotnet {serverDll} {string.Join(' ', arguments.Select(a => a.Contains("BindPassword", StringComparison.Ordinal) ? "--Eas:Gal:Ldap:BindPassword=***" : a))}");
            server = await ServerProcess.StartAsync(serverDll, [.. arguments], baseUrl, Path.Combine(workDirectory, "server.log"), ServerStartTimeout, deadline.Token);
            var endpoint = new Uri(baseUrl, "/Microsoft-Server-ActiveSync");
            using var http = LoopbackHttp.CreateClient(4);
            var runId = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

            await SendAsync(NewSession(http, endpoint, password, runId + "W", new LatencyRecorder()), people, WarmupRequests, new Random(7), deadline.Token);
            var latencies = new LatencyRecorder();
            var cpuBefore = ProcessCpu.OwnTime(server.ProcessId);
            var failures = await SendAsync(NewSession(http, endpoint, password, runId + "M", latencies), people, settings.Requests, new Random(15), deadline.Token);
            var cpu = ProcessCpu.OwnTime(server.ProcessId) - cpuBefore;
            Print(settings, latencies.Summarize(), failures, cpu, RssSampler.ReadKib(server.ProcessId));
            return failures == 0 ? 0 : 1;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException or TimeoutException or IOException or EasCallException || PlainImap.IsFailure(e))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]gal-bench failed:[/] {e.Message}");
            if (server is not null) AnsiConsole.WriteLine("Server log: " + server.LogPath);
            return 1;
        }
        catch (OperationCanceledException) when (deadline.IsOver)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]Stopped:[/] {deadline.StopReason}");
            return 1;
        }
        finally
        {
            if (server is not null)
            {
                AnsiConsole.WriteLine($"Server stopped (exit code {await server.StopAsync()}).");
                await server.DisposeAsync();
            }

            if (slapd is not null) await slapd.DisposeAsync();
            if (dovecot is not null) await dovecot.DisposeAsync();
            BenchSupport.RemoveWorkDirectory(workDirectory, settings.KeepData, "Dovecot, slapd, entries file, server state and log");
        }
    }

    private static EasSession NewSession(HttpClient http, Uri endpoint, string password, string deviceId, LatencyRecorder latencies) =>
        new(new EasClient(http, endpoint, new EasDevice(User, password, "Gal" + deviceId, "EasLoad", "16.1"), latencies));

    /// <summary>Provisions, then sends <paramref name="requests"/> directory requests in turn; returns how many were not Success.</summary>
    private static async Task<int> SendAsync(EasSession session, GalPeople people, int requests, Random random, CancellationToken token)
    {
        await session.ProvisionAsync(token);
        var failures = 0;
        for (var i = 0; i < requests; i++)
        {
            if (i % 2 == 0)
            {
                var answer = await session.SendAsync("Search", GalBodies.Search(people.PrefixQuery(random), "0-49"), token);
                if (!GalBodies.SearchSucceeded(answer)) failures++;
            }
            else
            {
                var (_, family, address) = people.Person(random.Next(people.Count));
                var answer = await session.SendAsync("ResolveRecipients", GalBodies.Resolve(random.Next(2) == 0 ? address : family), token);
                if (!GalBodies.ResolveSucceeded(answer)) failures++;
            }
        }

        return failures;
    }

    private static void Print(GalBenchSettings settings, IReadOnlyList<LatencySummary> latencies, int failures, TimeSpan? serverCpu, long? rssKib)
    {
        var table = new Table().Title($"GAL of {settings.Entries:N0} entries ({settings.Gal}), EAS 16.1, latency over HTTP (ms)")
            .AddColumns("command", "count", "p50", "p90", "p99", "max", "mean");
        foreach (var l in latencies.Where(l => l.Command != "Provision" && l.Command != "all"))
            table.AddRow(l.Command, l.Count.ToString("N0", CultureInfo.InvariantCulture), Ms(l.P50), Ms(l.P90), Ms(l.P99), Ms(l.Max), Ms(l.Mean));
        AnsiConsole.Write(table);
        var line = string.Join("; ", latencies.Where(l => l.Command is "Search" or "ResolveRecipients")
            .Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Command} p50 {l.P50:0.0} ms, p99 {l.P99:0.0} ms, max {l.Max:0.0} ms ({l.Count})")));
        var cpu = serverCpu is { } c ? string.Create(CultureInfo.InvariantCulture, $"; server CPU {c.TotalMilliseconds / Math.Max(1, settings.Requests):0.00} ms/request") : "";
        var rss = rssKib is { } kib ? string.Create(CultureInfo.InvariantCulture, $"; server RSS {kib / 1024.0:0.0} MiB") : "";
        AnsiConsole.WriteLine($"gal-bench ({settings.Gal}, {settings.Entries} entries): {line}{cpu}{rss}; failures {failures}; {(failures == 0 ? "passed" : "FAILED")}");
    }

    private static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
