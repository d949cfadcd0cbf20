namespace Eas.Integration.Tests.Support;

/// <summary>
/// One server for every test of a class (an <see cref="IClassFixture{TFixture}"/>), started against the Dovecot of the
/// class's collection before its first test and stopped after its last. For classes whose tests each make their own
/// accounts and devices and read nothing server-wide, so that a fresh server per test would only cost its start.
/// </summary>
public abstract class SharedServerFixture(DovecotFixture dovecot) : IAsyncLifetime
{
    internal ServerInstance Server { get; private set; } = null!;

    /// <summary>Command-line arguments beyond those <see cref="ServerInstance"/> always gives.</summary>
    protected virtual string[] Arguments => [];

    public async Task InitializeAsync() => Server = await ServerInstance.StartAsync(dovecot, null, Arguments);

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }
}

/// <summary>A shared server with the default test configuration.</summary>
public sealed class DefaultServerFixture(DovecotFixture dovecot) : SharedServerFixture(dovecot);
