namespace Eas.Integration.Tests.Support;

/// <summary>
/// One headless Chromium for every test of a class: a launch costs seconds, and each test still gets a fresh browser
/// context (own cookies) from <see cref="ConsoleBrowser.SignInAsync"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    internal ConsoleBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => Browser = await ConsoleBrowser.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
    }
}
