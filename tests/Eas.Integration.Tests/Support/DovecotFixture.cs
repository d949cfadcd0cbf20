using Eas.Mail.LocalDovecot;

namespace Eas.Integration.Tests.Support;

/// <summary>One private Dovecot for the integration tests, on free loopback ports, with test accounts.</summary>
public sealed class DovecotFixture : IAsyncLifetime
{
    public const string Domain = "ox.io";
    public const string Mike = "mike@ox.io";
    public const string MikePassword = "Secret-Pass1";
    public const string Anna = "anna@ox.io";
    public const string AnnaPassword = "An\"na's p@ss: wörd\\";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "eas-it-" + Guid.NewGuid().ToString("N")[..8]);

    public DovecotInstance Dovecot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists("/usr/sbin/dovecot"))
            throw new InvalidOperationException("Dovecot is not installed: apt-get install dovecot-imapd (./test.sh does it).");
        Dovecot = await DovecotInstance.StartAsync(new DovecotOptions { DataDirectory = _directory });
        Dovecot.AddUser(Mike, MikePassword);
        Dovecot.AddUser(Anna, AnnaPassword);
    }

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
        await Dovecot.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DovecotCollection : ICollectionFixture<DovecotFixture>
{
    public const string Name = "dovecot";
}
