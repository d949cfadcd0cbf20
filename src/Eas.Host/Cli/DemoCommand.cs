using System.CommandLine;
using System.Diagnostics;
using Eas.Mail.LocalDovecot;
using Eas.Mail.LocalPostfix;

namespace Eas.Host.Cli;

/// <summary>
/// <c>eas-server demo</c>: a working server in one command. Installs Dovecot and Postfix with apt when they
/// are missing, runs a private Dovecot and a private Postfix (submission with AUTH through Dovecot, delivery
/// over LMTP) under the data directory on loopback ports, with a demo account and a few messages, and serves
/// ActiveSync against them on the embedded defaults (SQLite in the data directory), with an admin for the
/// admin API and <c>eas-server top</c>. Ctrl-C stops all three.
/// </summary>
internal static class DemoCommand
{
    public const string Domain = "example.com";
    public const string User = "demo@" + Domain;
    public const string Password = "demo-password";
    public const string Friend = "anna@" + Domain;
    public const string Admin = "root";
    public const string AdminPassword = "demo-admin";

    public static Command Create()
    {
        var dataDir = new Option<string>("--data-dir") { Description = "Where the demo keeps Dovecot's files, the mail and the server's state.", DefaultValueFactory = _ => "/var/tmp/eas-demo" };
        var urls = new Option<string?>("--urls") { Description = $"Where the server listens (Kestrel's form, ';' between several); default {DemoListen.LoopbackUrls}, with --public {DemoListen.PublicUrls}." };
        var isPublic = new Option<bool>("--public") { Description = "Listen on every interface over HTTPS with a self-signed certificate (kept in the data directory) and print its SHA-256 fingerprint, so a phone can connect." };
        var demo = new Command("demo", "Run the server against a private Dovecot with a demo mailbox.") { dataDir, urls, isPublic };
        demo.SetAction((result, token) =>
        {
            var directory = Path.GetFullPath(result.GetValue(dataDir)!);
            var listen = result.GetValue(isPublic)
                ? DemoListen.Public(result.GetValue(urls), directory, DemoCertificate.ReachableAddresses())
                : DemoListen.Loopback(result.GetValue(urls) ?? DemoListen.LoopbackUrls);
            return RunAsync(directory, listen, result.InvocationConfiguration.Error, token);
        });
        return demo;
    }

    private static async Task<int> RunAsync(string dataDir, DemoListen listen, TextWriter error, CancellationToken cancellationToken)
    {
        if (ListenCheck.Problem(listen.Urls, "--urls") is { } problem)
        {
            await error.WriteLineAsync(problem);
            return ServeCommand.CannotListen;
        }

        if (!await EnsurePackagesAsync(cancellationToken)) return 1;
        Directory.CreateDirectory(dataDir);
        var mailDir = Path.Combine(dataDir, "dovecot");
        var firstRun = !Directory.Exists(mailDir);
        // Sieve's vacation replies (Settings Oof) leave through the demo's Postfix, whose port Dovecot names up front.
        var submissionPort = DovecotInstance.FreePort();
        // Push in webhook mode: Dovecot posts each change to the demo's plain-HTTP address, so no watcher session is open.
        var pushSecret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var webhook = listen.PushWebhookUrl() is { } webhookUrl ? new DovecotPushWebhook(webhookUrl, pushSecret) : null;
        await using var dovecot = await DovecotInstance.StartAsync(
            new DovecotOptions
            {
                DataDirectory = mailDir,
                EnableLmtp = true,
                EnableAuthListener = true,
                EnableSieve = true,
                SieveSubmissionHost = $"127.0.0.1:{submissionPort}",
                PushWebhook = webhook,
            }, cancellationToken);
        dovecot.AddUser(User, Password);
        dovecot.AddUser(Friend, Password);
        if (firstRun) await SeedAsync(dovecot, cancellationToken);
        await using var postfix = await PostfixInstance.StartAsync(PostfixOptions.For(dovecot, Path.Combine(dataDir, "postfix")) with
        {
            SubmissionPort = submissionPort,
            Mailboxes = new Dictionary<string, string> { [User] = User, [Friend] = Friend },
        }, cancellationToken);

        var app = ServerHost.Build(
        [
            .. listen.ServerArgs,
            $"--Eas:DataDir={Path.Combine(dataDir, "state")}",
            $"--Eas:DefaultDomain={Domain}",
            "--Eas:Imap:Host=127.0.0.1",
            $"--Eas:Imap:Port={dovecot.ImapPort}",
            "--Eas:Imap:Security=None",
            "--Eas:Smtp:Host=127.0.0.1",
            $"--Eas:Smtp:Port={postfix.SubmissionPort}",
            "--Eas:Smtp:Security=StartTls",
            "--Eas:Smtp:AcceptAnyCertificate=true",
            $"--Eas:Sieve:Port={dovecot.ManageSievePort}",
            $"--Eas:Admin:Users:{Admin}={AdminPassword}",
            .. webhook is null ? Array.Empty<string>() : ["--Eas:Push:Mode=Webhook", $"--Eas:Push:Webhook:Secret={pushSecret}"],
        ]);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (ListenCheck.Describe(e, listen.Urls, "--urls") is { } line)
        {
            await error.WriteLineAsync(line);
            await app.DisposeAsync();
            return ServeCommand.CannotListen;
        }

        Console.WriteLine();
        foreach (var url in listen.PrintedUrls) Console.WriteLine($"  ActiveSync URL : {url}/Microsoft-Server-ActiveSync");
        if (listen.Certificate is { } certificate)
        {
            Console.WriteLine($"  Certificate    : self-signed, {certificate.CertificatePath}");
            Console.WriteLine($"  SHA-256        : {certificate.Sha256Fingerprint}");
            Console.WriteLine("                   accept it on the phone only if it shows this fingerprint");
        }

        Console.WriteLine($"  Account        : {User}  (or \"demo\", or \"{Domain}\\demo\")");
        Console.WriteLine($"  Password       : {Password}");
        Console.WriteLine($"  Second account : {Friend} (same password): send mail between the two");
        Console.WriteLine($"  Dovecot (IMAP) : 127.0.0.1:{dovecot.ImapPort}, log {dovecot.LogPath}");
        Console.WriteLine($"  Postfix (SMTP) : 127.0.0.1:{postfix.SubmissionPort}, log {postfix.LogPath}");
        Console.WriteLine($"  Admin API      : user {Admin}, password {AdminPassword}: eas-server admin --password {AdminPassword} service show");
        Console.WriteLine($"  Data           : {dataDir}");
        Console.WriteLine("  Ctrl-C stops the server, Dovecot and Postfix.");
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

    /// <summary>Installs what is missing of Dovecot (IMAP, LMTP, Sieve and ManageSieve) and Postfix, as root; Postfix preseeded so its own system instance stays unconfigured.</summary>
    private static async Task<bool> EnsurePackagesAsync(CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        if (!File.Exists("/usr/sbin/dovecot")) missing.Add("dovecot-imapd");
        if (!File.Exists("/usr/lib/dovecot/lmtp")) missing.Add("dovecot-lmtpd");
        if (!File.Exists("/usr/lib/dovecot/modules/lib90_sieve_plugin.so")) missing.Add("dovecot-sieve");
        if (!File.Exists("/usr/lib/dovecot/managesieve")) missing.Add("dovecot-managesieved");
        if (!File.Exists("/usr/sbin/postfix")) missing.Add("postfix");
        if (missing.Count == 0) return true;
        Console.WriteLine($"Installing {string.Join(' ', missing)} with apt-get ...");
        if (!Environment.UserName.Equals("root", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"Installing needs root: run `sudo apt-get install {string.Join(' ', missing)}` and try again.");
            return false;
        }

        if (missing.Contains("postfix") && !await RunAsync("sh", ["-c", "echo 'postfix postfix/main_mailer_type select No configuration' | debconf-set-selections"], cancellationToken))
            return false;
        return await RunAsync("apt-get", ["update", "-qq"], cancellationToken)
            && await RunAsync("apt-get", ["install", "-y", "-qq", .. missing], cancellationToken);
    }

    private static async Task<bool> RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program, arguments) { UseShellExecute = false };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode == 0) return true;
        Console.Error.WriteLine($"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}.");
        return false;
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
