using Eas.Mail.LocalDovecot;
using Eas.Mail.Sieve;

namespace Eas.Mail.Tests.Sieve;

/// <summary>A private Dovecot with Pigeonhole's managesieved, for <see cref="ManageSieveClientTests"/>.</summary>
public sealed class ManageSieveFixture : IAsyncLifetime
{
    public const string User = "sieve-user";
    public const string Password = "Sieve \"pass\" wörd";

    private string? _dataDirectory;

    public DovecotInstance Dovecot { get; private set; } = null!;

    public SieveServer Server => new("127.0.0.1", Dovecot.ManageSievePort!.Value) { CertificateValidation = Dovecot.IsOwnCertificate };

    public async Task InitializeAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("eas-sieve-").FullName;
        Dovecot = await DovecotInstance.StartAsync(new DovecotOptions { DataDirectory = _dataDirectory, EnableSieve = true });
        Dovecot.AddUser(User, Password);
    }

    public async Task DisposeAsync()
    {
        if (Dovecot is not null) await Dovecot.DisposeAsync();
        if (_dataDirectory is not null) Directory.Delete(_dataDirectory, recursive: true);
    }
}

/// <summary>The client against Dovecot's real managesieved (RFC 5804).</summary>
public sealed class ManageSieveClientTests(ManageSieveFixture fixture) : IClassFixture<ManageSieveFixture>
{
    private const string Script = "require [\"fileinto\"];\r\n# Grüße\r\nif header :contains \"subject\" \"x\" { fileinto \"INBOX\"; }\r\n";

    private async Task<ManageSieveClient> SignedInAsync()
    {
        var client = await ManageSieveClient.ConnectAsync(fixture.Server, CancellationToken.None);
        await client.AuthenticatePlainAsync(ManageSieveFixture.User, ManageSieveFixture.Password, CancellationToken.None);
        return client;
    }

    [Fact]
    public async Task RFC_5804_2_2_STARTTLS_is_used_when_offered()
    {
        await using var client = await SignedInAsync();

        Assert.True(client.IsSecure);
        Assert.Contains("SIEVE", client.Capabilities.Keys);
    }

    [Fact]
    public async Task RFC_5804_2_6_2_8_2_9_a_script_is_put_activated_listed_and_read_back_unchanged()
    {
        await using var client = await SignedInAsync();

        await client.CheckScriptAsync(Script, CancellationToken.None);
        await client.PutScriptAsync("round-trip", Script, CancellationToken.None);
        await client.SetActiveAsync("round-trip", CancellationToken.None);

        Assert.Contains(new SieveScriptName("round-trip", true), await client.ListScriptsAsync(CancellationToken.None));
        Assert.Equal(Script, await client.GetScriptAsync("round-trip", CancellationToken.None));
    }

    [Fact]
    public async Task RFC_5804_2_9_a_missing_script_reads_as_null()
    {
        await using var client = await SignedInAsync();

        Assert.Null(await client.GetScriptAsync("never-written", CancellationToken.None));
    }

    [Fact]
    public async Task RFC_5804_2_12_an_invalid_script_is_NO_and_the_connection_stays_usable()
    {
        await using var client = await SignedInAsync();

        var refused = await Assert.ThrowsAsync<SieveCommandException>(() => client.PutScriptAsync("broken", "if true {", CancellationToken.None));

        Assert.NotNull(refused.ServerMessage);
        await client.ListScriptsAsync(CancellationToken.None);
    }

    [Fact]
    public async Task RFC_5804_2_1_a_wrong_password_is_unavailable_not_a_crash()
    {
        await using var client = await ManageSieveClient.ConnectAsync(fixture.Server, CancellationToken.None);

        await Assert.ThrowsAsync<SieveUnavailableException>(() => client.AuthenticatePlainAsync(ManageSieveFixture.User, "wrong", CancellationToken.None));
    }

    [Fact]
    public async Task A_server_that_is_down_is_unavailable()
    {
        var closed = Fixtures.ClosedPort.Pick();

        await Assert.ThrowsAsync<SieveUnavailableException>(() => ManageSieveClient.ConnectAsync(new SieveServer("127.0.0.1", closed), CancellationToken.None));
    }

    [Fact]
    public async Task A_certificate_nobody_vouches_for_is_refused()
    {
        var untrusted = fixture.Server with { CertificateValidation = null };

        await Assert.ThrowsAsync<SieveUnavailableException>(() => ManageSieveClient.ConnectAsync(untrusted, CancellationToken.None));
    }

    [Fact]
    public async Task With_security_None_the_session_stays_plain_as_a_loopback_IMAP_session_does()
    {
        await using var client = await ManageSieveClient.ConnectAsync(fixture.Server with { Security = SieveSecurity.None }, CancellationToken.None);
        await client.AuthenticatePlainAsync(ManageSieveFixture.User, ManageSieveFixture.Password, CancellationToken.None);

        Assert.False(client.IsSecure);
        await client.ListScriptsAsync(CancellationToken.None);
    }
}
