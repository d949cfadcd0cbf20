using Eas.Integration.Tests.Support;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Integration.Tests;

/// <summary>
/// Push in IMAP mode (<c>Eas:Push:Mode = imap</c>, for mail servers without a webhook) over real HTTP against Dovecot
/// (MS-ASCMD 2.2.1.13 Ping, Status 2 on a change): a parked Ping opens one watcher session (NOTIFY, else IDLE) that
/// hears another client's APPEND, and a change made while that session was cut is found when it reconnects. The rest
/// of the suite runs on Dovecot's webhook, so this class asks for IMAP mode explicitly.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class ImapWatcherPushTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerInstance.StartAsync(dovecot, null, ServerInstance.ImapPush, "--Eas:Ping:MinHeartbeatSeconds=1");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(MailboxUser User, SyncingPhone Phone, string Inbox)> ParkedAsync(string device)
    {
        var user = MailboxUser.Create(dovecot, "watch");
        await user.DeliverAsync(1);
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", device);
        var inbox = phone.IdOf("INBOX");
        await phone.SyncAllAsync(inbox);
        return (user, phone, inbox);
    }

    private static async Task ChangesFoundAsync(Task<EasResponse> ping, string inbox)
    {
        // A bound on a reconnect after a kick (the watcher's back-off plus a LOGIN), not a latency figure: generous, so a
        // loaded machine does not fail it; the push itself is measured by the load tool.
        var response = (await ping.WaitAsync(TimeSpan.FromSeconds(60))).Body!;
        response.ValueOf(PingPage.Status).ShouldBe("2");
        response.Element(PingPage.Folders)!.ValueOf(PingPage.Folder).ShouldBe(inbox);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_an_APPEND_by_another_client_answers_the_parked_Ping_through_the_watcher_session()
    {
        _server.PushTarget.ShouldBeNull("a server in IMAP mode takes no posts from Dovecot");
        var (user, phone, inbox) = await ParkedAsync("WatchAppend");
        var ping = await ParkedPings.ParkAsync(_server, phone, inbox);
        await ParkedPings.WatchersAsync(_server, 1);

        using (var imap = await user.ConnectImapAsync())
            await imap.AppendAsync("INBOX", new MemoryStream("Subject: watched\r\n\r\nhello\r\n"u8.ToArray()));

        await ChangesFoundAsync(ping, inbox);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_a_change_made_while_the_watcher_session_was_cut_is_found_when_it_reconnects()
    {
        var (user, phone, inbox) = await ParkedAsync("WatchKick");
        var ping = await ParkedPings.ParkAsync(_server, phone, inbox);
        await ParkedPings.WatchersAsync(_server, 1);

        await dovecot.KickAsync(user.Address);
        await user.DeliverAsync(2);

        await ChangesFoundAsync(ping, inbox);
    }
}
