using Eas.Mail.LocalDovecot;
using Eas.Mail.LocalPostfix;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// One private Dovecot for the integration tests, on free loopback ports, with test accounts, and a private
/// Postfix in front of it (submission with AUTH through Dovecot, delivery over LMTP) for sending. Dovecot runs
/// Pigeonhole too (Sieve on LMTP delivery, ManageSieve on <see cref="DovecotInstance.ManageSievePort"/>), whose
/// vacation replies leave through that Postfix; measured, it adds nothing noticeable to the start. Dovecot's
/// push_notification plugin posts every change to the webhook of the servers that run against it (through a
/// <see cref="DovecotPushRelay"/>), so the suite runs on webhook push as the demo does.
/// </summary>
public sealed class DovecotFixture : IAsyncLifetime
{
    public const string Domain = "ox.io";
    public const string Mike = "mike@ox.io";
    public const string MikePassword = "Secret-Pass1";
    public const string Anna = "anna@ox.io";
    public const string AnnaPassword = "An\"na's p@ss: wörd\\";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "eas-it-" + Guid.NewGuid().ToString("N")[..8]);

    public DovecotInstance Dovecot { get; private set; } = null!;

    public PostfixInstance Postfix { get; private set; } = null!;

    /// <summary>The secret Dovecot presents to the servers' webhook (<c>Eas:Push:Webhook:Secret</c>), as an operator's 91-eas-push.conf sets it.</summary>
    public const string PushSecret = "it-push-Secret-7c2e";

    /// <summary>
    /// Where Dovecot's push_notification plugin posts, for a fixture whose Dovecot serves one known server (its own
    /// <see cref="DovecotPushWebhook"/>); null (the default) makes it post to <see cref="PushRelay"/>.
    /// </summary>
    public DovecotPushWebhook? PushWebhook { get; init; }

    /// <summary>
    /// The relay Dovecot posts to when no <see cref="PushWebhook"/> is given: every <see cref="ServerInstance"/> in
    /// webhook mode (the default on such a fixture, <c>Eas:Push:Mode = webhook</c>) registers with it while it runs.
    /// </summary>
    internal DovecotPushRelay? PushRelay { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists("/usr/sbin/dovecot"))
            throw new InvalidOperationException("Dovecot is not installed: apt-get install dovecot-imapd (./test.sh does it).");
        if (!File.Exists("/usr/sbin/postfix"))
            throw new InvalidOperationException("Postfix is not installed: apt-get install postfix (./test.sh does it).");
        // Dovecot names Postfix's submission port for Sieve's replies, so that port is chosen before either starts.
        var submissionPort = DovecotInstance.FreePort();
        if (PushWebhook is null) PushRelay = await DovecotPushRelay.StartAsync();
        Dovecot = await DovecotInstance.StartAsync(new DovecotOptions
        {
            DataDirectory = _directory,
            EnableLmtp = true,
            EnableAuthListener = true,
            EnableSieve = true,
            SieveSubmissionHost = $"127.0.0.1:{submissionPort}",
            PushWebhook = PushWebhook ?? new DovecotPushWebhook(PushRelay!.Url, PushSecret) { Timeout = DovecotPushRelay.DovecotWait },
        });
        Dovecot.AddUser(Mike, MikePassword);
        Dovecot.AddUser(Anna, AnnaPassword);
        Postfix = await PostfixInstance.StartAsync(PostfixOptions.For(Dovecot, Path.Combine(_directory, "postfix")) with
        {
            SubmissionPort = submissionPort,
            MessageSizeLimit = MessageSizeLimit,
            Mailboxes = new Dictionary<string, string> { [Mike] = Mike, [Anna] = Anna },
        });
    }

    /// <summary>Postfix's message_size_limit here: 2 MiB.</summary>
    public const long MessageSizeLimit = 2 * 1024 * 1024;

    /// <summary>Lets Postfix accept mail for a test's own account (delivered to the Dovecot user of that name).</summary>
    public Task AcceptMailForAsync(string address) => Postfix.AddMailboxAsync(address, address);

    /// <summary>Lets Postfix accept mail for several of a test's own accounts with one reload (about 2 s each, measured).</summary>
    public Task AcceptMailForAsync(params string[] addresses) =>
        Postfix.AddMailboxesAsync(addresses.ToDictionary(address => address, address => address, StringComparer.OrdinalIgnoreCase));

    /// <summary>Drops every IMAP connection of a user (doveadm kick), as a server restart or network cut would.</summary>
    public async Task KickAsync(string user)
    {
        var start = new System.Diagnostics.ProcessStartInfo("doveadm", ["-c", Dovecot.ConfigPath, "kick", user]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"doveadm kick failed: {await process.StandardError.ReadToEndAsync()}");
    }

    public async Task DisposeAsync()
    {
        if (Postfix is not null) await Postfix.DisposeAsync();
        await Dovecot.DisposeAsync();
        if (PushRelay is not null) await PushRelay.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// The first of the two collections the integration classes are split into. xUnit creates a collection fixture once
/// per collection, so each collection has its own <see cref="DovecotFixture"/> (own Dovecot and Postfix, own ports,
/// own accounts), and the two collections run side by side; the classes of one collection run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DovecotCollection : ICollectionFixture<DovecotFixture>
{
    public const string Name = "dovecot";
}

/// <summary>
/// The second collection, with a Dovecot and Postfix of its own (see <see cref="DovecotCollection"/>). Classes are
/// placed by their measured run time so that both collections take about as long.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SecondDovecotCollection : ICollectionFixture<DovecotFixture>
{
    public const string Name = "dovecot-2";
}

/// <summary>
/// A collection that runs alone, after the parallel ones (xUnit's <c>DisableParallelization</c>), with a Dovecot and
/// Postfix of its own: for classes that assert how fast the server answers while they load it on purpose (a
/// sign-in storm), which a second collection working on the same cores would measure instead.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneDovecotCollection : ICollectionFixture<DovecotFixture>
{
    public const string Name = "dovecot-alone";
}
