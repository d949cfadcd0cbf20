using System.Net;
using Eas.Actors.Diagnostics;
using Eas.Integration.Tests.Support;
using Eas.Mail.LocalDovecot;
using Microsoft.Extensions.DependencyInjection;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Integration.Tests;

/// <summary>
/// Push in webhook mode over real HTTP (MS-ASCMD 2.2.1.13 Ping, Status 2 on a change): a private Dovecot with the
/// push_notification Lua driver of config/dovecot/ posts each change to <see cref="WebhookPushFixture.Server"/>, whose
/// accounts hold no watcher session; a wrong secret is refused; and on <see cref="WebhookPushFixture.Unreached"/>,
/// which Dovecot's posts never reach, the safety net still answers the Ping.
/// </summary>
public sealed class WebhookPushTests(WebhookPushFixture fixture) : IClassFixture<WebhookPushFixture>
{
    private static string? Status(EasResponse response) => response.Body.ShouldNotBeNull().ValueOf(PingPage.Status);

    private async Task<(MailboxUser User, SyncingPhone Phone, string Inbox)> SyncedAsync(ServerInstance server, string device)
    {
        var user = MailboxUser.Create(fixture.Dovecot, "hook");
        await user.DeliverAsync(1);
        var phone = await SyncingPhone.StartAsync(server, user, "14.1", device);
        var inbox = phone.IdOf("INBOX");
        await phone.SyncAllAsync(inbox);
        return (user, phone, inbox);
    }

    private static Task<Task<EasResponse>> ParkAsync(ServerInstance server, SyncingPhone phone, string inbox) =>
        ParkedPings.ParkAsync(server, phone, inbox);

    private async Task PushedAsync(Task<EasResponse> ping, string inbox)
    {
        var response = (await ping.WaitAsync(TimeSpan.FromSeconds(15))).Body!;
        response.ValueOf(PingPage.Status).ShouldBe("2");
        response.Element(PingPage.Folders)!.ValueOf(PingPage.Folder).ShouldBe(inbox);
        fixture.Server.Services.GetRequiredService<PushMetrics>().WatchersNow.ShouldBe(0, "webhook mode opens no watcher session");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_an_APPEND_by_another_client_answers_the_parked_Ping_through_the_webhook()
    {
        var (user, phone, inbox) = await SyncedAsync(fixture.Server, "HookAppend");
        var ping = await ParkAsync(fixture.Server, phone, inbox);

        using (var imap = await user.ConnectImapAsync())
            await imap.AppendAsync("INBOX", new MemoryStream("Subject: pushed\r\n\r\nhello\r\n"u8.ToArray()));

        await PushedAsync(ping, inbox);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_a_flag_change_by_another_client_answers_the_parked_Ping_through_the_webhook()
    {
        var (user, phone, inbox) = await SyncedAsync(fixture.Server, "HookFlags");
        var ping = await ParkAsync(fixture.Server, phone, inbox);

        using (var imap = await user.ConnectImapAsync())
        {
            await imap.Inbox.OpenAsync(MailKit.FolderAccess.ReadWrite);
            await imap.Inbox.StoreAsync(0, new MailKit.StoreFlagsRequest(MailKit.StoreAction.Add, MailKit.MessageFlags.Flagged) { Silent = true });
        }

        await PushedAsync(ping, inbox);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_an_expunge_by_another_client_answers_the_parked_Ping_through_the_webhook()
    {
        var (user, phone, inbox) = await SyncedAsync(fixture.Server, "HookExpunge");
        using var imap = await user.ConnectImapAsync();
        await imap.Inbox.OpenAsync(MailKit.FolderAccess.ReadWrite);
        await imap.Inbox.StoreAsync(0, new MailKit.StoreFlagsRequest(MailKit.StoreAction.Add, MailKit.MessageFlags.Deleted) { Silent = true });
        await phone.SyncAllAsync(inbox);
        var ping = await ParkAsync(fixture.Server, phone, inbox);

        await imap.Inbox.ExpungeAsync();

        await PushedAsync(ping, inbox);
    }

    [Fact]
    public async Task A_post_with_a_wrong_or_missing_secret_is_refused_and_a_malformed_one_is_a_400()
    {
        using var http = fixture.Server.CreateHttpClient();
        async Task<HttpStatusCode> PostAsync(string? secret, string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/push/dovecot") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            if (secret is not null) request.Headers.Add("X-Eas-Push-Secret", secret);
            return (await http.SendAsync(request)).StatusCode;
        }

        const string Valid = """{"user":"nobody@ox.io","events":[{"event":"MessageAppend","mailbox":"INBOX"}]}""";
        (await PostAsync("not-the-secret", Valid)).ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync(null, Valid)).ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync(WebhookPushFixture.Secret, """{"user":"nobody@ox.io","events":"INBOX"}""")).ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync(WebhookPushFixture.Secret, Valid)).ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_with_the_webhook_down_the_safety_net_still_answers_the_parked_Ping()
    {
        var (user, phone, inbox) = await SyncedAsync(fixture.Unreached, "HookLost");
        var ping = await ParkAsync(fixture.Unreached, phone, inbox);

        using (var imap = await user.ConnectImapAsync())
            await imap.AppendAsync("INBOX", new MemoryStream("Subject: never posted here\r\n\r\nhello\r\n"u8.ToArray()));

        var response = (await ping.WaitAsync(TimeSpan.FromSeconds(15))).Body!;
        response.ValueOf(PingPage.Status).ShouldBe("2");
        fixture.Unreached.Services.GetRequiredService<PushMetrics>().WatchersNow.ShouldBe(0);
    }
}

/// <summary>
/// A Dovecot whose push_notification plugin posts to <see cref="Server"/> (webhook mode, a safety net too slow to
/// matter in a test), and a second server, <see cref="Unreached"/>, in webhook mode on the same Dovecot that Dovecot
/// never posts to, with a one-second safety net: for it the webhook path is down.
/// </summary>
public sealed class WebhookPushFixture : IAsyncLifetime
{
    public const string Secret = "hook-Secret-9f3a";

    private readonly int _port = DovecotInstance.FreePort();

    public DovecotFixture Dovecot { get; }

    internal ServerInstance Server { get; private set; } = null!;

    internal ServerInstance Unreached { get; private set; } = null!;

    public WebhookPushFixture() =>
        Dovecot = new DovecotFixture { PushWebhook = new DovecotPushWebhook(new Uri($"http://127.0.0.1:{_port}/push/dovecot"), Secret) };

    public async Task InitializeAsync()
    {
        await Dovecot.InitializeAsync();
        string[] webhook = ["--Eas:Push:Mode=Webhook", $"--Eas:Push:Webhook:Secret={Secret}", "--Eas:Ping:MinHeartbeatSeconds=1"];
        var started = await Task.WhenAll(
            ServerInstance.StartAsync(Dovecot, null, [.. webhook, "--urls", $"http://127.0.0.1:{_port}", "--Eas:Push:SafetyNetSeconds=3600"]),
            ServerInstance.StartAsync(Dovecot, null, [.. webhook, "--Eas:Push:SafetyNetSeconds=1"]));
        (Server, Unreached) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
        if (Unreached is not null) await Unreached.DisposeAsync();
        await Dovecot.DisposeAsync();
    }
}
