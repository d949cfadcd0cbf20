using System.Net;
using System.Net.Http.Json;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Microsoft.Playwright;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests;

/// <summary>
/// The web console under /admin, driven end to end by Playwright in a headless Chromium against a real server and
/// Dovecot: an admin signs in, switches an account off and the phone is refused, wipes a device and sees the phone's
/// acknowledgement (MS-ASPROV 3.2.5.1.2), frees a license slot; markup from a phone is shown, not run; a request from
/// another site is refused. A screenshot of every page is kept under <see cref="ConsoleBrowser.ScreenshotDirectory"/>.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class WebConsoleTests(DovecotFixture dovecot, BrowserFixture browser) : IAsyncLifetime, IClassFixture<BrowserFixture>
{
    private readonly ConsoleBrowser _browser = browser.Browser;
    private ServerInstance _server = null!;

    // The browser is shared (its launch took about 5 s a test, measured); the server stays one per test (about
    // 0.5 s), so the console's device and account lists show only what the test itself did.
    public async Task InitializeAsync() =>
        _server = await ServerInstance.StartAsync(dovecot, null, [.. AdminClient.RootArgs, "--Eas:License:ActiveSyncMailboxCount=100"]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_admin_signs_in_switches_an_account_off_in_the_console_and_the_phone_is_refused()
    {
        var user = MailboxUser.Create(dovecot, "console-off");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "ConsoleOff");
        var page = await _browser.SignInAsync(_server);
        await ExpectTextAsync(page, "#fig-requests", text => text != "…");
        await ConsoleBrowser.ScreenshotAsync(page, "overview");

        await page.GotoAsync($"/admin/#/account/{Uri.EscapeDataString(user.Address)}");
        await page.WaitForSelectorAsync("#account-toggle");
        await ConsoleBrowser.ScreenshotAsync(page, "account");
        await page.ClickAsync("#account-toggle");
        await ExpectTextAsync(page, "#message", text => text.Contains("switched off", StringComparison.Ordinal));
        await ExpectTextAsync(page, "main", text => text.Contains("Switch ActiveSync on", StringComparison.Ordinal) && text.Contains("account", StringComparison.Ordinal));

        (await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(phone.HierarchyKey))).Status.ShouldBe(HttpStatusCode.Forbidden);

        await page.GotoAsync("/admin/#/directory");
        await page.WaitForSelectorAsync("#service-toggle");
        await ConsoleBrowser.ScreenshotAsync(page, "directory");
        await page.GotoAsync("/admin/#/accounts");
        await page.WaitForSelectorAsync("#account-name");
        await ConsoleBrowser.ScreenshotAsync(page, "accounts");
        await page.GotoAsync("/admin/#/audit");
        await ExpectTextAsync(page, "main", text => text.Contains("account.settings", StringComparison.Ordinal) && text.Contains("admin:root", StringComparison.Ordinal));
        await ConsoleBrowser.ScreenshotAsync(page, "audit");
    }

    [Fact]
    public async Task MS_ASPROV_3_2_5_1_2_a_wipe_ordered_in_the_console_is_acknowledged_by_the_phone_and_shown()
    {
        var user = MailboxUser.Create(dovecot, "console-wipe");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "ConsoleWipe");
        var page = await _browser.SignInAsync(_server);
        await page.GotoAsync($"/admin/#/account/{Uri.EscapeDataString(user.Address)}");
        await page.ClickAsync("button[data-action=wipe]");
        await ExpectTextAsync(page, "[data-wipe=ConsoleWipe]", text => text.Contains("pending", StringComparison.Ordinal));

        var refused = await phone.Client.PostAsync("FolderSync", MailRequests.FolderSync(phone.HierarchyKey));
        refused.Body.ShouldNotBeNull().ValueOf(FolderHierarchy.Status).ShouldBe("140", "MS-ASCMD 2.2.2: RemoteWipeRequested");
        var provision = await phone.Client.PostAsync("Provision", EasRequests.ProvisionDownload(EasRequests.EasPolicyType, true));
        provision.Body.ShouldNotBeNull().Element(Provision.RemoteWipe).ShouldNotBeNull();
        var acknowledged = await phone.Client.PostAsync("Provision", WithChildren(Provision.ProvisionElement, WithChildren(Provision.RemoteWipe, WithText(Provision.Status, "1"))));
        acknowledged.Body.ShouldNotBeNull().ValueOf(Provision.Status).ShouldBe("1");

        await page.ReloadAsync();
        await ExpectTextAsync(page, "[data-wipe=ConsoleWipe]", text => text.Contains("acknowledged", StringComparison.Ordinal) && text.Contains("Succeeded", StringComparison.Ordinal));
        await ConsoleBrowser.ScreenshotAsync(page, "wipe-acknowledged");
    }

    [Fact]
    public async Task Freeing_a_license_slot_in_the_console_lets_the_account_it_turned_off_in()
    {
        await using var server = await ServerInstance.StartAsync(dovecot, null, [.. AdminClient.RootArgs, "--Eas:License:ActiveSyncMailboxCount=1"]);
        var first = MailboxUser.Create(dovecot, "console-slot1");
        var second = MailboxUser.Create(dovecot, "console-slot2");
        await SyncingPhone.StartAsync(server, first, "14.1", "Slot1");
        var late = server.Phone(second.Address, second.Password, "Slot2", "14.1");
        (await late.PostAsync("FolderSync", MailRequests.FolderSync("0"))).Status.ShouldBe(HttpStatusCode.Forbidden, "every slot is taken");

        var page = await _browser.SignInAsync(server);
        await page.GotoAsync("/admin/#/license");
        await ExpectTextAsync(page, "#license-summary", text => text.StartsWith("1 of 1 slots used", StringComparison.Ordinal));
        await ConsoleBrowser.ScreenshotAsync(page, "license");
        await page.ClickAsync($"[data-free='{first.Address}']");
        await ExpectTextAsync(page, "#license-summary", text => text.StartsWith("0 of 1 slots used", StringComparison.Ordinal));
        await page.ClickAsync($"[data-reenable='{second.Address}']");
        await ExpectTextAsync(page, "#message", text => text.Contains("re-enabled", StringComparison.Ordinal));

        (await late.PostAsync("FolderSync", MailRequests.FolderSync("0"))).Status.ShouldBe(HttpStatusCode.OK, "the freed slot goes to the re-enabled account");
    }

    [Fact]
    public async Task Markup_from_a_phone_is_shown_not_run_a_device_is_blocked_and_let_back_and_a_change_from_another_site_is_refused()
    {
        var user = MailboxUser.Create(dovecot, "console-xss");
        var phone = _server.Phone(user.Address, user.Password, "ConsoleXss", "14.1");
        phone.UserAgent = "<img src=x onerror=\"window.pwned=1\">Evil/1.0";
        await phone.ProvisionAsync();
        (await phone.PostAsync("FolderSync", MailRequests.FolderSync("0"))).Status.ShouldBe(HttpStatusCode.OK);

        var page = await _browser.SignInAsync(_server);
        await page.GotoAsync($"/admin/#/account/{Uri.EscapeDataString(user.Address)}");
        await ExpectTextAsync(page, "main", text => text.Contains("<img src=x onerror=", StringComparison.Ordinal));
        (await page.Locator("main img").CountAsync()).ShouldBe(0, "the User-Agent is text, not an element");
        (await page.EvaluateAsync<bool>("() => window.pwned === 1")).ShouldBeFalse();

        await page.ClickAsync("button[data-action=block]");
        await ExpectTextAsync(page, "#message", text => text.Contains("ConsoleXss blocked", StringComparison.Ordinal));
        (await phone.PostAsync("FolderSync", MailRequests.FolderSync("0"))).Status.ShouldBe(HttpStatusCode.Forbidden, "an admin blocked the device in the console");
        await page.ClickAsync("button[data-action=reset-access]");
        await ExpectTextAsync(page, "#message", text => text.Contains("follows the access rules again", StringComparison.Ordinal));
        (await phone.PostAsync("FolderSync", MailRequests.FolderSync("0"))).Status.ShouldBe(HttpStatusCode.OK);

        var cookies = await page.Context.CookiesAsync();
        var ticket = cookies.Single(c => c.Name == "eas-admin").Value;
        var csrf = cookies.Single(c => c.Name == "eas-admin-csrf").Value;
        using var http = _server.CreateHttpClient();
        (await ChangeServiceAsync(http, ticket, csrf: null, origin: null)).ShouldBe(HttpStatusCode.Forbidden, "no anti-forgery token");
        (await ChangeServiceAsync(http, ticket, csrf, origin: "http://evil.example")).ShouldBe(HttpStatusCode.Forbidden, "another site's origin");
        (await ChangeServiceAsync(http, ticket, csrf + "x", origin: null)).ShouldBe(HttpStatusCode.Forbidden, "a wrong token");
        (await ChangeServiceAsync(http, ticket, csrf, origin: _server.Address.GetLeftPart(UriPartial.Authority))).ShouldBe(HttpStatusCode.OK);
        (await ChangeServiceAsync(http, ticket[..^2] + "AA", csrf, origin: null)).ShouldBe(HttpStatusCode.Unauthorized, "a forged ticket");
    }

    private static async Task<HttpStatusCode> ChangeServiceAsync(HttpClient http, string ticket, string? csrf, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/admin/api/service") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Cookie", $"eas-admin={ticket}");
        if (csrf is not null) request.Headers.Add("X-EAS-CSRF", csrf);
        if (origin is not null) request.Headers.Add("Origin", origin);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Waits (up to Playwright's default timeout) until the element's text satisfies <paramref name="expected"/>.</summary>
    private static async Task ExpectTextAsync(IPage page, string selector, Func<string, bool> expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        string text;
        do
        {
            text = await page.Locator(selector).First.InnerTextAsync();
            if (expected(text)) return;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        throw new ShouldAssertException($"'{selector}' never showed the expected text; it shows: {text}");
    }
}
