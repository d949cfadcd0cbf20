using Eas.Integration.Tests.Support;
using MailKit;
using MailKit.Search;
using Eas.Wire.CodePages;

namespace Eas.Integration.Tests;

/// <summary>Email Sync (MS-ASCMD 2.2.1.21, MS-ASEMAIL, MS-ASAIRS) over real HTTP against Dovecot.</summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class EmailSyncTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(MailboxUser User, SyncingPhone Phone, string Inbox)> StartAsync(string version, int messages, string device)
    {
        var user = MailboxUser.Create(dovecot, "sync");
        for (var i = 1; i <= messages; i++) await user.DeliverAsync(i);
        var phone = await SyncingPhone.StartAsync(_server, user, version, device);
        return (user, phone, phone.IdOf("INBOX"));
    }

    [Theory]
    [InlineData("12.1")]
    [InlineData("14.1")]
    [InlineData("16.1")]
    public async Task A_folder_syncs_in_windows_newest_first_with_bodies(string version)
    {
        var (_, phone, inbox) = await StartAsync(version, 7, "Win" + version.Replace(".", "", StringComparison.Ordinal));

        var initial = await phone.SyncAsync(inbox);
        initial.ValueOf(AirSync.Status).ShouldBe("1");
        initial.Element(AirSync.Commands).ShouldBeNull();
        var first = await phone.SyncAsync(inbox, windowSize: 3);
        var adds = SyncingPhone.AddsOf(first).ToList();

        adds.Count.ShouldBe(3);
        first.Element(AirSync.MoreAvailable).ShouldNotBeNull();
        adds[0].Data.ValueOf(Email.Subject).ShouldBe("Message 7");
        adds[0].Data.ValueOf(Email.From).ShouldBe("\"Sender 7\" <sender7@example.com>");
        var body = adds[0].Data.Element(AirSyncBase.Body).ShouldNotBeNull();
        body.ValueOf(AirSyncBase.Type).ShouldBe("1");
        body.ValueOf(AirSyncBase.Data)!.ShouldContain("Body of message 7.");
        adds[0].Data.ValueOf(Email.Read).ShouldBe("0");

        var rest = new List<string>(adds.Select(a => a.ServerId));
        while (true)
        {
            var next = await phone.SyncAsync(inbox, windowSize: 3);
            rest.AddRange(SyncingPhone.AddsOf(next).Select(a => a.ServerId));
            if (next.Element(AirSync.MoreAvailable) is null) break;
        }

        rest.Count.ShouldBe(7);
        rest.Distinct().Count().ShouldBe(7);
    }

    [Fact]
    public async Task Protocol_2_5_gets_the_email_body_form_with_its_truncation_code()
    {
        var (user, phone, inbox) = await StartAsync("2.5", 0, "Win25");
        await user.DeliverAsync(1, body: new string('x', 8000) + "\r\n");

        var adds = await phone.SyncAllAsync(inbox);

        var data = adds.ShouldHaveSingleItem().Data;
        data.Element(AirSyncBase.Body).ShouldBeNull();
        data.ValueOf(Email.Body)!.Length.ShouldBe(5120);
        data.ValueOf(Email.BodyTruncated).ShouldBe("1");
    }

    [Fact]
    public async Task Changes_by_another_client_are_reported_as_change_delete_and_add()
    {
        var (user, phone, inbox) = await StartAsync("14.1", 3, "Other1");
        var adds = await phone.SyncAllAsync(inbox);
        var byUid = adds.ToDictionary(a => a.Data.ValueOf(Email.Subject)!, a => a.ServerId);

        using (var imap = await user.ConnectImapAsync())
        {
            await imap.Inbox.OpenAsync(FolderAccess.ReadWrite);
            var uids = await imap.Inbox.SearchAsync(SearchQuery.All);
            await imap.Inbox.AddFlagsAsync(uids[0], MessageFlags.Seen, silent: true);
            await imap.Inbox.AddFlagsAsync(uids[1], MessageFlags.Deleted, silent: true);
            await imap.Inbox.ExpungeAsync();
        }

        await user.DeliverAsync(4);
        var changes = await phone.SyncAsync(inbox);

        SyncingPhone.CommandsOf(changes, AirSync.Change).Single().ValueOf(AirSync.ServerId).ShouldBe(byUid["Message 1"]);
        SyncingPhone.CommandsOf(changes, AirSync.Change).Single().Element(AirSync.ApplicationData)!.ValueOf(Email.Read).ShouldBe("1");
        SyncingPhone.CommandsOf(changes, AirSync.Delete).Single().ValueOf(AirSync.ServerId).ShouldBe(byUid["Message 2"]);
        SyncingPhone.AddsOf(changes).Single().Data.ValueOf(Email.Subject).ShouldBe("Message 4");

        var quiet = await phone.SyncAsync(inbox);
        quiet.Element(AirSync.Commands).ShouldBeNull();
    }

    [Fact]
    public async Task Read_changes_and_deletes_from_the_phone_reach_imap_and_are_not_echoed()
    {
        var (user, phone, inbox) = await StartAsync("14.1", 2, "Client1");
        var adds = await phone.SyncAllAsync(inbox);
        var first = adds.Single(a => a.Data.ValueOf(Email.Subject) == "Message 1").ServerId;
        var second = adds.Single(a => a.Data.ValueOf(Email.Subject) == "Message 2").ServerId;

        var response = await phone.SyncAsync(inbox, commands: [MailRequests.ChangeRead(first, true), MailRequests.Delete(second)]);

        response.ValueOf(AirSync.Status).ShouldBe("1");
        response.Element(AirSync.Responses).ShouldBeNull();
        response.Element(AirSync.Commands).ShouldBeNull();
        using var imap = await user.ConnectImapAsync();
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        (await imap.Inbox.SearchAsync(SearchQuery.Seen)).Count.ShouldBe(1);
        (await imap.Inbox.SearchAsync(SearchQuery.All)).Count.ShouldBe(1);
        var trash = await imap.GetFolderAsync("Trash");
        await trash.OpenAsync(FolderAccess.ReadOnly);
        trash.Count.ShouldBe(1);
        (await phone.SyncAsync(inbox)).Element(AirSync.Commands).ShouldBeNull();
    }

    [Fact]
    public async Task A_resent_key_gets_the_same_items_under_a_new_key_and_an_unknown_key_is_status_3()
    {
        var (_, phone, inbox) = await StartAsync("14.1", 4, "Resend2");
        await phone.SyncAsync(inbox);
        var keyBefore = phone.Keys[inbox];
        var first = SyncingPhone.AddsOf(await phone.SyncAsync(inbox, windowSize: 2)).Select(a => a.ServerId).ToList();
        var keyAfter = phone.Keys[inbox];

        var again = await phone.SyncAsync(inbox, windowSize: 2, key: keyBefore);

        SyncingPhone.AddsOf(again).Select(a => a.ServerId).ShouldBe(first);
        again.ValueOf(AirSync.SyncKey).ShouldNotBe(keyAfter);
        again.ValueOf(AirSync.SyncKey).ShouldNotBe(keyBefore);
        var next = SyncingPhone.AddsOf(await phone.SyncAsync(inbox, windowSize: 2)).Select(a => a.ServerId).ToList();
        next.Intersect(first).ShouldBeEmpty();
        (await phone.SyncAsync(inbox, key: keyAfter)).ValueOf(AirSync.Status).ShouldBe("3");
        (await phone.SyncAsync(inbox, key: "bogus-9")).ValueOf(AirSync.Status).ShouldBe("3");
    }

    [Fact]
    public async Task Fetch_returns_the_item_with_the_collection_options_and_an_unknown_one_is_status_8()
    {
        var (user, phone, inbox) = await StartAsync("14.1", 0, "Fetch1");
        await user.DeliverAsync(1, body: new string('y', 10_000) + "\r\n");
        var add = (await phone.SyncAllAsync(inbox)).Single();
        add.Data.Element(AirSyncBase.Body)!.ValueOf(AirSyncBase.Truncated).ShouldBe("1");

        var response = await phone.SyncAsync(inbox, commands: [MailRequests.Fetch(add.ServerId), MailRequests.Fetch(inbox + ":99999")]);

        var fetches = response.Element(AirSync.Responses)!.Elements(AirSync.Fetch).ToList();
        fetches[0].ValueOf(AirSync.Status).ShouldBe("1");
        var fetched = fetches[0].Element(AirSync.ApplicationData)!;
        fetched.ValueOf(Email.Subject).ShouldBe("Message 1");
        fetched.Element(AirSyncBase.Body)!.ValueOf(AirSyncBase.EstimatedDataSize).ShouldBe(add.Data.Element(AirSyncBase.Body)!.ValueOf(AirSyncBase.EstimatedDataSize));
        fetches[1].ValueOf(AirSync.Status).ShouldBe("8");
    }

    [Fact]
    public async Task A_broken_message_does_not_stop_the_folder()
    {
        var (user, phone, inbox) = await StartAsync("14.1", 1, "Broken1");
        await user.DeliverRawAsync("From: x\r\nSubject: =?bogus-charset?Q?=FF=FE?=\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=no-such-charset\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n");
        await user.DeliverAsync(3);

        var adds = await phone.SyncAllAsync(inbox);

        adds.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_sync_resumes_after_a_server_restart_without_a_reset()
    {
        var user = MailboxUser.Create(dovecot, "restart");
        for (var i = 1; i <= 6; i++) await user.DeliverAsync(i);
        var server = await ServerInstance.StartAsync(dovecot);
        var phone = await SyncingPhone.StartAsync(server, user, "14.1", "Resume1");
        var inbox = phone.IdOf("INBOX");
        await phone.SyncAsync(inbox);
        var got = SyncingPhone.AddsOf(await phone.SyncAsync(inbox, windowSize: 4)).Select(a => a.ServerId).ToList();
        await server.DisposeAsync();

        await using var restarted = await ServerInstance.StartAsync(dovecot, server.DataDirectory);
        var again = new SyncingPhone(restarted.Phone(user.Address, user.Password, "Resume1", "14.1"));
        again.Client.PolicyKey = phone.Client.PolicyKey;
        again.Keys[inbox] = phone.Keys[inbox];
        var rest = await again.SyncAsync(inbox, windowSize: 4);

        rest.ValueOf(AirSync.Status).ShouldBe("1");
        var all = got.Concat(SyncingPhone.AddsOf(rest).Select(a => a.ServerId)).ToList();
        all.Count.ShouldBe(6);
        all.Distinct().Count().ShouldBe(6);
    }
}
