using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using MailKit;
using MimeKit;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests;

/// <summary>
/// What a Sync request may leave out or ask out of range (MS-ASCMD 2.2.1.21.1 empty Sync, 2.2.3.198 Wait, 2.2.3.88.2
/// HeartbeatInterval, 2.2.3.97 Limit, 2.2.3.199 WindowSize, 2.2.3.68.2 FilterType), and MoveItems as the next Sync
/// sees it (MS-ASCMD 2.2.1.12, 2.2.3.177.10), over real HTTP against Dovecot.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class SyncRequestConformanceTests(DovecotFixture dovecot, DefaultServerFixture shared) : IClassFixture<DefaultServerFixture>
{
    // One server for the class: every test signs in with an account of its own.
    private readonly ServerInstance _server = shared.Server;

    private async Task<(MailboxUser User, SyncingPhone Phone, string Inbox)> StartAsync(string device, int messages)
    {
        var user = MailboxUser.Create(dovecot, "req");
        for (var i = 1; i <= messages; i++) await user.DeliverAsync(i);
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", device);
        return (user, phone, phone.IdOf("INBOX"));
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_17_an_empty_Sync_element_is_status_4_while_a_body_of_nothing_repeats_the_last_request()
    {
        var (user, phone, inbox) = await StartAsync("Req1", 1);
        await phone.SyncAllAsync(inbox);
        await user.DeliverAsync(2);

        var empty = await phone.Client.PostAsync("Sync", new WbxmlElement(AirSync.Sync));
        var nothing = await phone.Client.PostAsync("Sync", null);

        empty.Body!.ValueOf(AirSync.Status).ShouldBe("4");
        empty.Body!.Element(AirSync.Collections).ShouldBeNull();
        var repeated = nothing.Body!.Element(AirSync.Collections)!.Element(AirSync.Collection)!;
        repeated.ValueOf(AirSync.Status).ShouldBe("1");
        SyncingPhone.AddsOf(repeated).Single().Data.ValueOf(Email.Subject).ShouldBe("Message 2");
    }

    [Theory]
    [InlineData(AirSync.Wait, "0", "1")]
    [InlineData(AirSync.Wait, "60", "59")]
    [InlineData(AirSync.HeartbeatInterval, "59", "60")]
    [InlineData(AirSync.HeartbeatInterval, "3541", "3540")]
    public async Task MS_ASCMD_2_2_3_97_a_Sync_of_only_an_out_of_range_interval_is_status_14_with_the_limit(ushort tag, string asked, string limit)
    {
        var (_, phone, inbox) = await StartAsync("Req2" + asked, 1);
        await phone.SyncAllAsync(inbox);

        var response = (await phone.Client.PostAsync("Sync", WithChildren(AirSync.Sync, WithText(tag, asked)))).Body!;

        response.ValueOf(AirSync.Status).ShouldBe("14");
        response.ValueOf(AirSync.Limit).ShouldBe(limit);
        response.Element(AirSync.Collections).ShouldBeNull("Limit and Collections are mutually exclusive (MS-ASCMD 2.2.3.180)");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_199_WindowSize_0_and_above_512_are_taken_as_512_without_a_limit()
    {
        var (user, phone, inbox) = await StartAsync("Req3", 0);
        using (var imap = await user.ConnectImapAsync())
        {
            var messages = Enumerable.Range(1, 513).Select(i => (IAppendRequest)new AppendRequest(Message(user, i), MessageFlags.Seen)).ToList();
            await imap.Inbox.AppendAsync(messages);
        }

        await phone.SyncAsync(inbox);
        var large = await phone.SyncAsync(inbox, windowSize: 1000);
        phone.Keys.Remove(inbox);
        await phone.SyncAsync(inbox);
        var zero = await phone.SyncAsync(inbox, windowSize: 0);

        foreach (var window in new[] { large, zero })
        {
            window.ValueOf(AirSync.Status).ShouldBe("1");
            SyncingPhone.AddsOf(window).Count().ShouldBe(512);
            window.Element(AirSync.MoreAvailable).ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_68_2_a_FilterType_out_of_range_is_status_4()
    {
        var (_, phone, inbox) = await StartAsync("Req4", 1);
        var collection = WithChildren(AirSync.Collection,
            WithText(AirSync.SyncKey, "0"), WithText(AirSync.CollectionId, inbox), WithChildren(AirSync.Options, WithText(AirSync.FilterType, "9")));

        var response = (await phone.Client.PostAsync("Sync", WithChildren(AirSync.Sync, WithChildren(AirSync.Collections, collection)))).Body!;

        response.ValueOf(AirSync.Status).ShouldBe("4");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_12_after_MoveItems_the_next_Sync_deletes_in_the_source_and_adds_in_the_destination()
    {
        var (_, phone, inbox) = await StartAsync("Req5", 1);
        var junk = phone.IdOf("Junk");
        var item = (await phone.SyncAllAsync(inbox)).Single().ServerId;
        (await phone.SyncAllAsync(junk)).ShouldBeEmpty();

        var moved = (await phone.Client.PostAsync("MoveItems", MoreMailRequests.MoveItems(item, inbox, junk))).Body!.Element(Move.Response)!;
        var target = moved.ValueOf(Move.DstMsgId)!;

        moved.ValueOf(Move.Status).ShouldBe("3");
        SyncingPhone.CommandsOf(await phone.SyncAsync(inbox), AirSync.Delete).Single().ValueOf(AirSync.ServerId).ShouldBe(item);
        var added = SyncingPhone.AddsOf(await phone.SyncAsync(junk)).Single();
        added.ServerId.ShouldBe(target);
        added.Data.ValueOf(Email.Subject).ShouldBe("Message 1");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_10_a_second_move_of_an_item_in_the_same_request_is_status_5()
    {
        var (_, phone, inbox) = await StartAsync("Req6", 1);
        var item = (await phone.SyncAllAsync(inbox)).Single().ServerId;
        var request = WithChildren(Move.MoveItems,
            WithChildren(Move.MoveElement, WithText(Move.SrcMsgId, item), WithText(Move.SrcFldId, inbox), WithText(Move.DstFldId, phone.IdOf("Junk"))),
            WithChildren(Move.MoveElement, WithText(Move.SrcMsgId, item), WithText(Move.SrcFldId, inbox), WithText(Move.DstFldId, phone.IdOf("Trash"))));

        var responses = (await phone.Client.PostAsync("MoveItems", request)).Body!.Elements(Move.Response).ToList();

        responses.Select(r => r.ValueOf(Move.Status)).ShouldBe(["3", "5"]);
        responses[1].Element(Move.DstMsgId).ShouldBeNull();
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_125_6_options_stay_across_a_SyncKey_0_that_carries_none()
    {
        var user = MailboxUser.Create(dovecot, "req");
        await user.DeliverAsync(1, body: new string('z', 2000) + "\r\n");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Req7");
        var inbox = phone.IdOf("INBOX");
        await phone.SyncAsync(inbox);
        var truncated = SyncingPhone.AddsOf(await phone.SyncAsync(inbox, truncation: 100)).Single().Data;
        truncated.Element(AirSyncBase.Body)!.ValueOf(AirSyncBase.Truncated).ShouldBe("1");

        var restarted = (await phone.Client.PostAsync("Sync", MailRequests.Sync("14.1", inbox, "0"))).Body!.Element(AirSync.Collections)!.Element(AirSync.Collection)!;
        var bare = WithChildren(AirSync.Collection, WithText(AirSync.SyncKey, restarted.ValueOf(AirSync.SyncKey)!), WithText(AirSync.CollectionId, inbox));
        var resynced = (await phone.Client.PostAsync("Sync", WithChildren(AirSync.Sync, WithChildren(AirSync.Collections, bare)))).Body!.Element(AirSync.Collections)!.Element(AirSync.Collection)!;

        var body = SyncingPhone.AddsOf(resynced).Single().Data.Element(AirSyncBase.Body)!;
        body.ValueOf(AirSyncBase.Truncated).ShouldBe("1", "the Options block of the earlier request is used (sticky options)");
        body.ValueOf(AirSyncBase.Data)!.Length.ShouldBeLessThanOrEqualTo(100);
    }

    private static MimeMessage Message(MailboxUser user, int index)
    {
        var message = new MimeMessage { Subject = $"Bulk {index}", Date = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(index) };
        message.From.Add(new MailboxAddress("Sender", "sender@example.com"));
        message.To.Add(MailboxAddress.Parse(user.Address));
        message.Body = new TextPart("plain") { Text = $"Body {index}" };
        return message;
    }
}
