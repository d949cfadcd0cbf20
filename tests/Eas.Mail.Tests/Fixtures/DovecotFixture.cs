using Eas.Mail.LocalDovecot;

namespace Eas.Mail.Tests.Fixtures;

/// <summary>
/// One private Dovecot for every test in the <see cref="DovecotCollection"/>, on free loopback ports, with a
/// fixed set of users. Without Dovecot the fixture fails (it does not skip): CI installs it, and a developer
/// is told to run <c>apt-get install dovecot-imapd</c>.
/// </summary>
public sealed class DovecotFixture : IAsyncLifetime
{
    public const string Alice = "alice";
    public const string AlicePassword = "Secret-Pass1";

    /// <summary>ASCII with quotes and backslashes: goes as a quoted string with escapes.</summary>
    public const string Carol = "carol";
    public const string CarolPassword = "say \"hi\" \\o/ (now)";

    /// <summary>Non-ASCII, a colon and quotes: cannot be quoted in IMAP4rev1, so goes as a literal.</summary>
    public const string Dave = "dave";
    public const string DavePassword = "pä:ss\"wörd\\ü";

    public const string Master = "watcher";
    public const string MasterPassword = "Master-Pass9";

    private string? _dataDirectory;

    public DovecotInstance Dovecot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("eas-dovecot-").FullName;
        Dovecot = await DovecotInstance.StartAsync(new DovecotOptions { DataDirectory = _dataDirectory, EnableMasterUsers = true });
        Dovecot.AddUser(Alice, AlicePassword);
        Dovecot.AddUser(Carol, CarolPassword);
        Dovecot.AddUser(Dave, DavePassword);
        Dovecot.AddMasterUser(Master, MasterPassword);
    }

    public async Task DisposeAsync()
    {
        if (Dovecot is not null) await Dovecot.DisposeAsync();
        if (_dataDirectory is not null) Directory.Delete(_dataDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class DovecotCollection : ICollectionFixture<DovecotFixture>
{
    public const string Name = "Dovecot";
}

/// <summary>
/// Tests that measure the process (allocated bytes) and so must not run beside other tests: xunit runs this
/// collection on its own, after the parallel ones, with a Dovecot of its own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DovecotSerialCollection : ICollectionFixture<DovecotFixture>
{
    public const string Name = "Dovecot, alone";
}
