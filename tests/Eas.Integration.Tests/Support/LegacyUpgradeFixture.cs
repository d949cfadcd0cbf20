namespace Eas.Integration.Tests.Support;

/// <summary>
/// An install upgraded from a version before 2026-12 (<see cref="LegacyInstall"/> with the fixture's own account): this
/// version's server started once per class on the old data directory, so its start imports <c>eas-state.db</c>.
/// </summary>
public sealed class LegacyUpgradeFixture(DovecotFixture dovecot) : IAsyncLifetime
{
    internal ServerInstance Server { get; private set; } = null!;

    internal LegacyPhoneKeys Keys { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var install = await LegacyInstall.CreateAsync(dovecot);
        Keys = install.Keys;
        Server = await ServerInstance.StartAsync(dovecot, install.DataDirectory, AdminClient.RootArgs);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }
}
