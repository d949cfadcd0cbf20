using System.CommandLine;
using System.Diagnostics;
using Eas.Mail.LocalDovecot;

namespace Eas.Host.Cli;

/// <summary>
/// <c>eas-server demo</c>: a working server in one command. Installs Dovecot with apt when it is missing,
/// runs a private Dovecot under the data directory on a loopback port with one demo account and a few
/// messages, and serves ActiveSync against it on the embedded defaults (SQLite in the data directory).
/// Ctrl-C stops both.
/// </summary>
internal static class DemoCommand
{
    public const string Domain = "example.com";
    public const string User = "demo@" + Domain;
    public const string Password = "demo-password";

    public static Command Create()
    {
        var dataDir = new Option<string>("--data-dir") { Description = "Where the demo keeps Dovecot's files, the mail and the server's state.", DefaultValueFactory = _ => "/var/tmp/eas-demo" };
        var urls = new Option<string>("--urls") { Description = "Where the server listens.", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var demo = new Command("demo", "Run the server against a private Dovecot with a demo mailbox.") { dataDir, urls };
        demo.SetAction((result, token) => RunAsync(Path.GetFullPath(result.GetValue(dataDir)!), result.GetValue(urls)!, token));
        return demo;
    }

    private static async Task<int> RunAsync(string dataDir, string urls, CancellationToken cancellationToken)
    {
        if (!await EnsureDovecotAsync(cancellationToken)) return 1;
        Directory.CreateDirectory(dataDir);
        var mailDir = Path.Combine(dataDir, "dovecot");
        var firstRun = !Directory.Exists(mailDir);
        await using var dovecot = await DovecotInstance.StartAsync(new DovecotOptions { DataDirectory = mailDir }, cancellationToken);
        dovecot.AddUser(User, Password);
        if (firstRun) await SeedAsync(dovecot, cancellationToken);

        var app = ServerHost.Build(
        [
            "--urls", urls,
            $"--Eas:DataDir={Path.Combine(dataDir, "state")}",
            $"--Eas:DefaultDomain={Domain}",
            "--Eas:Imap:Host=127.0.0.1",
            $"--Eas:Imap:Port={dovecot.ImapPort}",
            "--Eas:Imap:Security=None",
        ]);
        await app.StartAsync(cancellationToken);
        Console.WriteLine();
        Console.WriteLine($"  ActiveSync URL : {urls.Split(';')[0].TrimEnd('/')}/Microsoft-Server-ActiveSync");
        Console.WriteLine($"  Account        : {User}  (or \"demo\", or \"{Domain}\\demo\")");
        Console.WriteLine($"  Password       : {Password}");
        Console.WriteLine($"  Dovecot (IMAP) : 127.0.0.1:{dovecot.ImapPort}, log {dovecot.LogPath}");
        Console.WriteLine($"  Data           : {dataDir}");
        Console.WriteLine("  Ctrl-C stops the server and Dovecot.");
        Console.WriteLine();
        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        return 0;
    }

    private static async Task<bool> EnsureDovecotAsync(CancellationToken cancellationToken)
    {
        if (File.Exists("/usr/sbin/dovecot")) return true;
        Console.WriteLine("Dovecot is not installed; installing dovecot-imapd with apt-get ...");
        if (!Environment.UserName.Equals("root", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("Installing needs root: run `sudo apt-get install dovecot-imapd` and try again.");
            return false;
        }

        foreach (var arguments in new[] { "update -qq", "install -y -qq dovecot-imapd" })
        {
            var start = new ProcessStartInfo("apt-get", arguments) { UseShellExecute = false };
            start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            using var apt = Process.Start(start)!;
            await apt.WaitForExitAsync(cancellationToken);
            if (apt.ExitCode != 0)
            {
                Console.Error.WriteLine($"apt-get {arguments} failed with exit code {apt.ExitCode}.");
                return false;
            }
        }

        return File.Exists("/usr/sbin/dovecot");
    }

    private static async Task SeedAsync(DovecotInstance dovecot, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        string[] subjects = ["Welcome to your ActiveSync demo", "Lunch on Friday?", "Quarterly report (draft)"];
        string[] senders = ["EAS server <server@example.com>", "Anna Berg <anna@example.com>", "Carlos Diaz <carlos@example.com>"];
        for (var i = 0; i < subjects.Length; i++)
        {
            var message =
                $"From: {senders[i]}\r\nTo: Demo User <{User}>\r\nSubject: {subjects[i]}\r\n" +
                $"Date: {now.AddHours(-i):R}\r\nMessage-ID: <demo-{i}@example.com>\r\nMIME-Version: 1.0\r\n" +
                "Content-Type: text/plain; charset=utf-8\r\n\r\n" +
                $"This is demo message {i + 1}. Your phone synced it from a real Dovecot over ActiveSync.\r\n";
            await dovecot.DeliverAsync(User, message, seen: i > 0, cancellationToken);
        }
    }
}
