using Microsoft.Playwright;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// A headless Chromium (Debian's <c>chromium</c>, or the one <c>EAS_CHROMIUM</c> names) driven by Playwright for the web
/// console's tests. Screenshots go to <see cref="ScreenshotDirectory"/> (under the test output, kept as artifacts).
/// </summary>
internal sealed class ConsoleBrowser : IAsyncDisposable
{
    public static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "artifacts", "console");

    private readonly IPlaywright _playwright;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<ConsoleBrowser> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("EAS_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new InvalidOperationException($"No Chromium at {executable}: install Debian's chromium (test.sh does) or set EAS_CHROMIUM.");
        Directory.CreateDirectory(ScreenshotDirectory);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = ["--no-sandbox"] });
        return new ConsoleBrowser(playwright, browser);
    }

    /// <summary>A fresh browser context (its own cookies) signed in to the console of <paramref name="server"/>, confirm dialogs accepted.</summary>
    public async Task<IPage> SignInAsync(ServerInstance server, string admin = AdminClient.Root, string password = AdminClient.RootPassword)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = server.Address.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/admin/");
        await page.FillAsync("#user", admin);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#nav:not([hidden])");
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
