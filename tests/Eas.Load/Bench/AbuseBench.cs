using Eas.Load.Abuse;
using Eas.Load.Safety;
using Eas.Mail.LocalDovecot;
using Spectre.Console;

namespace Eas.Load.Bench;

/// <summary>
/// <c>eas-load abuse</c> without <c>--url</c>: a private Dovecot with one account, the Release server as a child
/// process pointed at it with its default budgets, the abuse scenarios, and everything stopped at the end.
/// Dovecot's log is read to count the failed IMAP logins each storm caused.
/// </summary>
internal static class AbuseBench
{
    public const string Domain = "ox.io";
    public const string User = "abuse@" + Domain;
    private static readonly TimeSpan ServerStartTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(AbuseSettings settings, string? serverDllOption, bool keep, RunDeadline deadline)
    {
        if (BenchSupport.LocateServer(serverDllOption) is not { } serverDll) return 2;
        var workDirectory = BenchSupport.CreateWorkDirectory("eas-abuse-");
        var password = "abuse-" + Guid.NewGuid().ToString("N");
        DovecotInstance? dovecot = null;
        ServerProcess? server = null;
        try
        {
            dovecot = await DovecotInstance.StartAsync(new DovecotOptions { DataDirectory = Path.Combine(workDirectory, "dovecot") }, deadline.Token);
            dovecot.AddUser(User, password);
            var baseUrl = new Uri($"http://127.0.0.1:{BenchSupport.FreePort()}");
            string[] arguments =
            [
                "--urls", baseUrl.ToString().TrimEnd('/'),
                $"--Eas:DataDir={Path.Combine(workDirectory, "state")}",
                $"--Eas:DefaultDomain={Domain}",
                "--Eas:Imap:Host=127.0.0.1",
                $"--Eas:Imap:Port={dovecot.ImapPort}",
                "--Eas:Imap:Security=None",
                "--Eas:LogLevel=Warning",
            ];
            AnsiConsole.WriteLine($"Server: dotnet {serverDll} {string.Join(' ', arguments)}");
            server = await ServerProcess.StartAsync(serverDll, arguments, baseUrl, Path.Combine(workDirectory, "server.log"), ServerStartTimeout, deadline.Token);
            var target = new AbuseTarget(baseUrl, System.Net.IPAddress.Loopback, User, password, Domain, dovecot.LogPath);
            return await AbuseRun.RunAsync(target, settings, deadline);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]abuse failed:[/] {e.Message}");
            return 1;
        }
        finally
        {
            if (server is not null) await server.DisposeAsync();
            if (dovecot is not null) await dovecot.DisposeAsync();
            BenchSupport.RemoveWorkDirectory(workDirectory, keep, "Dovecot, server state and log");
        }
    }
}
