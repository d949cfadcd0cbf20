using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using MailKit;

namespace Eas.Integration.Tests;

/// <summary>
/// Sync keys over real HTTP against Dovecot (MS-ASCMD 2.2.3.166.4 / 2.2.3.181.4 SyncKey, 3.1.5.9 error recovery): every
/// response to client commands carries a new key, and a resent key (its response was lost) is answered from the state
/// the phone held at it, against the mailbox as it is now, under a key never issued before.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class SyncKeyConformanceTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(MailboxUser User, SyncingPhone Phone, string Inbox, List<string> Items)> StartAsync(string device, int messages)
    {
        var user = MailboxUser.Create(dovecot, "keys");
        for (var i = 1; i <= messages; i++) await user.DeliverAsync(i);
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", device);
        var inbox = phone.IdOf("INBOX");
        var items = (await phone.SyncAllAsync(inbox)).Select(a => a.ServerId).ToList();
        return (user, phone, inbox, items);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_166_4_a_response_to_client_commands_alone_carries_a_new_key()
    {
        var (_, phone, inbox, items) = await StartAsync("Key1", 2);
        var keys = new List<string> { phone.Keys[inbox] };

        var changed = await phone.SyncAsync(inbox, commands: [MailRequests.ChangeRead(items[0], true)]);
        keys.Add(phone.Keys[inbox]);
        var deleted = await phone.SyncAsync(inbox, commands: [MailRequests.Delete(items[1])], getChanges: false);
        keys.Add(phone.Keys[inbox]);
        var fetched = await phone.SyncAsync(inbox, commands: [MailRequests.Fetch(items[0])], getChanges: false);
        keys.Add(phone.Keys[inbox]);

        foreach (var response in new[] { changed, deleted, fetched }) response.ValueOf(AirSync.Status).ShouldBe("1");
        keys.Distinct().Count().ShouldBe(4, "each response has a key of its own");
        changed.Element(AirSync.Responses).ShouldBeNull("a successful Change has no Responses entry");
        deleted.Element(AirSync.Responses).ShouldBeNull("a successful Delete has no Responses entry");
        changed.Element(AirSync.Commands).ShouldBeNull();
        deleted.Element(AirSync.Commands).ShouldBeNull();
        fetched.Element(AirSync.Responses)!.Element(AirSync.Fetch)!.ValueOf(AirSync.Status).ShouldBe("1");
        (await phone.SyncAsync(inbox, key: keys[0])).ValueOf(AirSync.Status).ShouldBe("3", "an older key is stale");
    }

    [Fact]
    public async Task MS_ASCMD_3_1_5_9_a_resent_key_after_a_client_only_change_restores_the_state_before_the_lost_request()
    {
        var (user, phone, inbox, items) = await StartAsync("Key2", 1);
        var held = phone.Keys[inbox];
        var lost = (await phone.SyncAsync(inbox, commands: [MailRequests.ChangeRead(items[0], true)])).ValueOf(AirSync.SyncKey);
        lost.ShouldNotBe(held);

        var again = await phone.SyncAsync(inbox, key: held);

        again.ValueOf(AirSync.Status).ShouldBe("1");
        again.ValueOf(AirSync.SyncKey).ShouldNotBe(lost, "keys never repeat, so the lost one stays stale");
        again.ValueOf(AirSync.SyncKey).ShouldNotBe(held);
        var change = SyncingPhone.CommandsOf(again, AirSync.Change).Single();
        change.ValueOf(AirSync.ServerId).ShouldBe(items[0]);
        change.Element(AirSync.ApplicationData)!.ValueOf(Email.Read).ShouldBe("1", "the phone still shows what it had at that key");
        (await phone.SyncAsync(inbox, key: lost)).ValueOf(AirSync.Status).ShouldBe("3");
        (await phone.SyncAsync(inbox)).Element(AirSync.Commands).ShouldBeNull();
        (await SeenAsync(user)).ShouldBe(1);
    }

    [Fact]
    public async Task MS_ASCMD_3_1_5_9_a_resent_request_with_its_commands_applies_them_again_without_echo()
    {
        var (user, phone, inbox, items) = await StartAsync("Key3", 1);
        var held = phone.Keys[inbox];
        var lost = (await phone.SyncAsync(inbox, commands: [MailRequests.ChangeRead(items[0], true)])).ValueOf(AirSync.SyncKey);

        var again = await phone.SyncAsync(inbox, key: held, commands: [MailRequests.ChangeRead(items[0], true)]);

        again.ValueOf(AirSync.Status).ShouldBe("1");
        again.ValueOf(AirSync.SyncKey).ShouldNotBe(lost);
        again.Element(AirSync.Responses).ShouldBeNull();
        again.Element(AirSync.Commands).ShouldBeNull();
        (await SeenAsync(user)).ShouldBe(1);
    }

    [Fact]
    public async Task MS_ASCMD_3_1_5_9_a_lost_window_of_adds_is_sent_again_on_a_resent_key()
    {
        var user = MailboxUser.Create(dovecot, "keys");
        for (var i = 1; i <= 5; i++) await user.DeliverAsync(i);
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Key4");
        var inbox = phone.IdOf("INBOX");
        await phone.SyncAsync(inbox);
        var held = phone.Keys[inbox];
        var lostResponse = await phone.SyncAsync(inbox, windowSize: 2);
        var lost = lostResponse.ValueOf(AirSync.SyncKey);
        var lostAdds = SyncingPhone.AddsOf(lostResponse).Select(a => a.ServerId).ToList();

        var again = await phone.SyncAsync(inbox, windowSize: 2, key: held);

        SyncingPhone.AddsOf(again).Select(a => a.ServerId).ShouldBe(lostAdds);
        again.ValueOf(AirSync.SyncKey).ShouldNotBe(lost);
        again.Element(AirSync.MoreAvailable).ShouldNotBeNull();
        (await phone.SyncAsync(inbox, key: lost)).ValueOf(AirSync.Status).ShouldBe("3");
        var rest = new List<string>();
        for (var round = 0; round < 5; round++)
        {
            var next = await phone.SyncAsync(inbox, windowSize: 2);
            rest.AddRange(SyncingPhone.AddsOf(next).Select(a => a.ServerId));
            if (next.Element(AirSync.MoreAvailable) is null) break;
        }

        rest.Count.ShouldBe(3);
        rest.Intersect(lostAdds).ShouldBeEmpty();
    }

    [Fact]
    public async Task MS_ASCMD_3_1_5_9_a_resent_key_reports_what_changed_on_the_server_since_it()
    {
        var (user, phone, inbox, items) = await StartAsync("Key5", 1);
        var held = phone.Keys[inbox];
        await user.DeliverAsync(2);
        var lostResponse = await phone.SyncAsync(inbox);
        var lostAdd = SyncingPhone.AddsOf(lostResponse).Single().ServerId;
        using (var imap = await user.ConnectImapAsync())
        {
            await imap.Inbox.OpenAsync(FolderAccess.ReadWrite);
            await imap.Inbox.AddFlagsAsync(0, MessageFlags.Flagged, silent: true);
        }

        var again = await phone.SyncAsync(inbox, key: held);

        again.ValueOf(AirSync.SyncKey).ShouldNotBe(lostResponse.ValueOf(AirSync.SyncKey));
        SyncingPhone.AddsOf(again).Single().ServerId.ShouldBe(lostAdd);
        var change = SyncingPhone.CommandsOf(again, AirSync.Change).Single();
        change.ValueOf(AirSync.ServerId).ShouldBe(items[0]);
        change.Element(AirSync.ApplicationData)!.Element(Email.Flag)!.ValueOf(Email.Status).ShouldBe("2");
    }

    [Fact]
    public async Task MS_ASCMD_3_1_5_9_a_key_resent_twice_gets_a_new_key_each_time()
    {
        var (user, phone, inbox, items) = await StartAsync("Key6", 2);
        var held = phone.Keys[inbox];
        var keys = new List<string> { held };
        keys.Add((await phone.SyncAsync(inbox, commands: [MailRequests.ChangeRead(items[0], true)])).ValueOf(AirSync.SyncKey)!);
        keys.Add((await phone.SyncAsync(inbox, key: held, commands: [MailRequests.ChangeRead(items[0], true)])).ValueOf(AirSync.SyncKey)!);

        var third = await phone.SyncAsync(inbox, key: held);

        third.ValueOf(AirSync.Status).ShouldBe("1");
        keys.Add(third.ValueOf(AirSync.SyncKey)!);
        keys.Distinct().Count().ShouldBe(4);
        SyncingPhone.CommandsOf(third, AirSync.Change).Single().ValueOf(AirSync.ServerId).ShouldBe(items[0]);
        (await phone.SyncAsync(inbox, key: keys[1])).ValueOf(AirSync.Status).ShouldBe("3");
        (await phone.SyncAsync(inbox, key: keys[2])).ValueOf(AirSync.Status).ShouldBe("3");
        (await phone.SyncAsync(inbox, key: keys[3])).ValueOf(AirSync.Status).ShouldBe("1");
        (await SeenAsync(user)).ShouldBe(1);
    }

    [Fact]
    public async Task MS_ASCMD_3_1_5_9_a_resent_key_is_answered_after_a_server_restart_from_the_journal()
    {
        var user = MailboxUser.Create(dovecot, "keys");
        for (var i = 1; i <= 3; i++) await user.DeliverAsync(i);
        var server = await ServerInstance.StartAsync(dovecot);
        var phone = await SyncingPhone.StartAsync(server, user, "14.1", "Key7");
        var inbox = phone.IdOf("INBOX");
        await phone.SyncAsync(inbox);
        var item = SyncingPhone.AddsOf(await phone.SyncAsync(inbox, windowSize: 2)).First().ServerId;
        var held = phone.Keys[inbox];
        var lost = await phone.SyncAsync(inbox, commands: [MailRequests.ChangeRead(item, true)]);
        SyncingPhone.AddsOf(lost).Count().ShouldBe(1);
        await server.DisposeAsync();

        await using var restarted = await ServerInstance.StartAsync(dovecot, server.DataDirectory);
        var again = new SyncingPhone(restarted.Phone(user.Address, user.Password, "Key7", "14.1"));
        again.Client.PolicyKey = phone.Client.PolicyKey;
        var answer = await again.SyncAsync(inbox, key: held);

        answer.ValueOf(AirSync.Status).ShouldBe("1");
        answer.ValueOf(AirSync.SyncKey).ShouldNotBe(lost.ValueOf(AirSync.SyncKey));
        SyncingPhone.AddsOf(answer).Select(a => a.ServerId).ShouldBe(SyncingPhone.AddsOf(lost).Select(a => a.ServerId));
        SyncingPhone.CommandsOf(answer, AirSync.Change).Single().ValueOf(AirSync.ServerId).ShouldBe(item);
        (await again.SyncAsync(inbox, key: lost.ValueOf(AirSync.SyncKey))).ValueOf(AirSync.Status).ShouldBe("3");
    }

    private static async Task<int> SeenAsync(MailboxUser user)
    {
        using var imap = await user.ConnectImapAsync();
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        return (await imap.Inbox.SearchAsync(MailKit.Search.SearchQuery.Seen)).Count;
    }
}
