using Eas.Integration.Tests.Support;
using Eas.Mail.LocalDovecot;
using Microsoft.Extensions.Logging;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Integration.Tests;

/// <summary>
/// The suite's push path (MS-ASCMD 2.2.1.13 Ping, Status 2 on a change) through <see cref="DovecotPushRelay"/>: the
/// collection's one Dovecot posts every change once, and the relay hands it to every server running against that
/// Dovecot. The server whose phone waits answers its Ping; the other one takes the post for a user it does not serve
/// without a word; a registered server that is down costs only its own copy.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class DovecotPushRelayTests(PushRelayServers servers) : IClassFixture<PushRelayServers>
{
    private async Task<(MailboxUser User, SyncingPhone Phone, string Inbox)> SyncedAsync(ServerInstance server, string device)
    {
        var user = MailboxUser.Create(servers.Dovecot, "relay");
        await user.DeliverAsync(1);
        var phone = await SyncingPhone.StartAsync(server, user, "14.1", device);
        var inbox = phone.IdOf("INBOX");
        await phone.SyncAllAsync(inbox);
        return (user, phone, inbox);
    }

    private static async Task AppendAsync(MailboxUser user, string subject)
    {
        using var imap = await user.ConnectImapAsync();
        await imap.AppendAsync("INBOX", new MemoryStream(System.Text.Encoding.ASCII.GetBytes($"Subject: {subject}\r\n\r\nhello\r\n")));
    }

    private static async Task ChangesFoundAsync(Task<EasResponse> ping, string inbox)
    {
        var response = (await ping.WaitAsync(TimeSpan.FromSeconds(15))).Body!;
        response.ValueOf(PingPage.Status).ShouldBe("2");
        response.Element(PingPage.Folders)!.ValueOf(PingPage.Folder).ShouldBe(inbox);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_a_change_answers_the_Ping_on_the_users_server_and_the_other_server_takes_the_post_quietly()
    {
        var (first, firstPhone, firstInbox) = await SyncedAsync(servers.First, "RelayFirst");
        var (second, secondPhone, secondInbox) = await SyncedAsync(servers.Second, "RelaySecond");
        var firstPing = await ParkedPings.ParkAsync(servers.First, firstPhone, firstInbox);
        var secondPing = await ParkedPings.ParkAsync(servers.Second, secondPhone, secondInbox);
        var secondTook = servers.Second.PushTarget.ShouldNotBeNull().Delivered;

        // Dovecot answers the APPEND only after the relay answered it, so both servers have had the post by now.
        await AppendAsync(first, "for the first server");

        await ChangesFoundAsync(firstPing, firstInbox);
        servers.Second.PushTarget!.Delivered.ShouldBeGreaterThan(secondTook, "the other server was posted the change too and answered 2xx");
        secondPing.IsCompleted.ShouldBeFalse("a change in another account answers no Ping here");
        servers.SecondLogs.Entries.ShouldNotContain(e => e.Category.Contains("DovecotPush", StringComparison.Ordinal) || (e.Level >= LogLevel.Warning && e.Message.Contains(first.Address, StringComparison.OrdinalIgnoreCase)));

        await AppendAsync(second, "for the second server");

        await ChangesFoundAsync(secondPing, secondInbox);
        servers.First.PushTarget.ShouldNotBeNull().Failed.ShouldBe(0);
        servers.Second.PushTarget.Failed.ShouldBe(0);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_a_registered_server_that_is_down_does_not_stop_the_post_to_the_others()
    {
        var (user, phone, inbox) = await SyncedAsync(servers.First, "RelayOutage");
        var ping = await ParkedPings.ParkAsync(servers.First, phone, inbox);
        // A server that stopped: its port refuses connections.
        using var down = servers.Dovecot.PushRelay.ShouldNotBeNull().Register(new Uri($"http://127.0.0.1:{DovecotInstance.FreePort()}"));
        var firstTook = servers.First.PushTarget.ShouldNotBeNull().Delivered;

        await AppendAsync(user, "while one server is down");

        await ChangesFoundAsync(ping, inbox);
        down.Failed.ShouldBeGreaterThan(0, "the post was tried on the server that is down");
        down.Delivered.ShouldBe(0);
        servers.First.PushTarget!.Delivered.ShouldBeGreaterThan(firstTook);
    }
}

/// <summary>Two servers in webhook mode on the collection's Dovecot, both registered with its relay; the second one's log is kept.</summary>
public sealed class PushRelayServers(DovecotFixture dovecot) : IAsyncLifetime
{
    public DovecotFixture Dovecot { get; } = dovecot;

    internal LogCapture SecondLogs { get; } = new();

    internal ServerInstance First { get; private set; } = null!;

    internal ServerInstance Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var started = await Task.WhenAll(
            ServerInstance.StartAsync(Dovecot, null, "--Eas:Ping:MinHeartbeatSeconds=1"),
            ServerInstance.StartAsync(Dovecot, null, SecondLogs.AddTo, "--Eas:Ping:MinHeartbeatSeconds=1"));
        (First, Second) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        if (First is not null) await First.DisposeAsync();
        if (Second is not null) await Second.DisposeAsync();
    }
}
