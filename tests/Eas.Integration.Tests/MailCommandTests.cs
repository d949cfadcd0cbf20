using System.Net;
using System.Text;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Integration.Tests;

/// <summary>GetItemEstimate, MoveItems, ItemOperations and GetAttachment over real HTTP against Dovecot.</summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class MailCommandTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private const string AttachmentText = "0123456789abcdefghijklmnopqrstuvwxyz";
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string MessageWithAttachment() =>
        "From: Anna <anna@example.com>\r\nTo: x@ox.io\r\nSubject: Report attached\r\nDate: Sun, 1 Nov 2026 10:00:00 +0000\r\n" +
        "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"sep\"\r\n\r\n" +
        "--sep\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee the report.\r\n" +
        "--sep\r\nContent-Type: text/plain; name=\"report.txt\"\r\nContent-Disposition: attachment; filename=\"report.txt\"\r\n" +
        "Content-Transfer-Encoding: base64\r\n\r\n" + Convert.ToBase64String(Encoding.ASCII.GetBytes(AttachmentText)) + "\r\n--sep--\r\n";

    [Theory]
    [InlineData("12.1")]
    [InlineData("14.1")]
    public async Task GetItemEstimate_counts_what_the_next_sync_brings(string version)
    {
        var user = MailboxUser.Create(dovecot, "est");
        for (var i = 1; i <= 5; i++) await user.DeliverAsync(i);
        var phone = await SyncingPhone.StartAsync(_server, user, version, "Est" + version.Replace(".", "", StringComparison.Ordinal));
        var inbox = phone.IdOf("INBOX");

        var unprimed = await phone.Client.PostAsync("GetItemEstimate", MoreMailRequests.GetItemEstimate(version, inbox, "0"));
        await phone.SyncAsync(inbox);
        var primed = await phone.Client.PostAsync("GetItemEstimate", MoreMailRequests.GetItemEstimate(version, inbox, phone.Keys[inbox]));
        var wrongKey = await phone.Client.PostAsync("GetItemEstimate", MoreMailRequests.GetItemEstimate(version, inbox, "nope-3"));

        Result(unprimed).ValueOf(Eas.Wire.CodePages.GetItemEstimate.Status).ShouldBe("3");
        Result(primed).ValueOf(Eas.Wire.CodePages.GetItemEstimate.Status).ShouldBe("1");
        Result(primed).Element(Eas.Wire.CodePages.GetItemEstimate.Collection)!.ValueOf(Eas.Wire.CodePages.GetItemEstimate.Estimate).ShouldBe("5");
        Result(wrongKey).ValueOf(Eas.Wire.CodePages.GetItemEstimate.Status).ShouldBe("4");

        static Eas.Wire.Wbxml.WbxmlElement Result(EasResponse response) =>
            response.Body.ShouldNotBeNull().Element(Eas.Wire.CodePages.GetItemEstimate.Response).ShouldNotBeNull();
    }

    [Fact]
    public async Task MoveItems_moves_on_imap_answers_the_new_id_and_the_next_syncs_report_it()
    {
        var user = MailboxUser.Create(dovecot, "move");
        await user.DeliverAsync(1);
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Move1");
        var inbox = phone.IdOf("INBOX");
        var junk = phone.IdOf("Junk");
        var item = (await phone.SyncAllAsync(inbox)).Single().ServerId;
        await phone.SyncAllAsync(junk);

        var response = (await phone.Client.PostAsync("MoveItems", MoreMailRequests.MoveItems(item, inbox, junk))).Body!.Element(Move.Response)!;
        var bad = (await phone.Client.PostAsync("MoveItems", MoreMailRequests.MoveItems(item, inbox, inbox))).Body!.Element(Move.Response)!;

        response.ValueOf(Move.Status).ShouldBe("3");
        response.ValueOf(Move.DstMsgId)!.ShouldStartWith(junk + ":");
        bad.ValueOf(Move.Status).ShouldBe("4");
        SyncingPhone.CommandsOf(await phone.SyncAsync(inbox), AirSync.Delete).Single().ValueOf(AirSync.ServerId).ShouldBe(item);
        SyncingPhone.AddsOf(await phone.SyncAsync(junk)).Single().ServerId.ShouldBe(response.ValueOf(Move.DstMsgId));
    }

    [Fact]
    public async Task Attachments_are_listed_and_fetched_whole_or_by_range_by_FileReference()
    {
        var user = MailboxUser.Create(dovecot, "att");
        await user.DeliverRawAsync(MessageWithAttachment());
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Att1");
        var inbox = phone.IdOf("INBOX");
        var data = (await phone.SyncAllAsync(inbox)).Single().Data;
        var attachment = data.Element(AirSyncBase.Attachments)!.Element(AirSyncBase.Attachment)!;
        attachment.ValueOf(AirSyncBase.DisplayName).ShouldBe("report.txt");
        var reference = attachment.ValueOf(AirSyncBase.FileReference)!;

        var whole = FetchResult(await phone.Client.PostAsync("ItemOperations", MoreMailRequests.FetchAttachment(reference)));
        var part = FetchResult(await phone.Client.PostAsync("ItemOperations", MoreMailRequests.FetchAttachment(reference, "10-19")));
        var missing = FetchResult(await phone.Client.PostAsync("ItemOperations", MoreMailRequests.FetchAttachment(inbox + ":99999:2")));
        var badRange = FetchResult(await phone.Client.PostAsync("ItemOperations", MoreMailRequests.FetchAttachment(reference, "9-2")));

        whole.ValueOf(IoPage.Status).ShouldBe("1");
        Encoding.ASCII.GetString(Convert.FromBase64String(whole.Element(IoPage.Properties)!.ValueOf(IoPage.Data)!)).ShouldBe(AttachmentText);
        var properties = part.Element(IoPage.Properties)!;
        Encoding.ASCII.GetString(Convert.FromBase64String(properties.ValueOf(IoPage.Data)!)).ShouldBe("abcdefghij");
        properties.ValueOf(IoPage.Range).ShouldBe("10-19");
        properties.ValueOf(IoPage.Total).ShouldBe(AttachmentText.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        missing.ValueOf(IoPage.Status).ShouldBe("15");
        FetchResult(await phone.Client.PostAsync("ItemOperations", MoreMailRequests.FetchAttachment(inbox + ":1:1..2"))).ValueOf(IoPage.Status).ShouldBe("15");
        badRange.ValueOf(IoPage.Status).ShouldBe("8");
    }

    [Fact]
    public async Task ItemOperations_fetches_an_item_and_empties_a_folder()
    {
        var user = MailboxUser.Create(dovecot, "io");
        await user.DeliverAsync(1, body: new string('z', 20_000) + "\r\n");
        await user.DeliverAsync(2);
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Io1");
        var inbox = phone.IdOf("INBOX");
        var items = await phone.SyncAllAsync(inbox);
        var big = items.Single(i => i.Data.ValueOf(Email.Subject) == "Message 1").ServerId;

        var fetched = FetchResult(await phone.Client.PostAsync("ItemOperations", MoreMailRequests.FetchItem(inbox, big)));
        fetched.ValueOf(IoPage.Status).ShouldBe("1");
        fetched.Element(IoPage.Properties)!.Element(AirSyncBase.Body)!.ValueOf(AirSyncBase.Data)!.Length.ShouldBeGreaterThan(20_000);

        var emptied = (await phone.Client.PostAsync("ItemOperations", MoreMailRequests.EmptyFolder(inbox))).Body!
            .Element(IoPage.Response)!.Element(IoPage.EmptyFolderContents)!;
        emptied.ValueOf(IoPage.Status).ShouldBe("1");
        using var imap = await user.ConnectImapAsync();
        (await imap.SelectAsync("INBOX")).Exists.ShouldBe(0u);
        (await phone.SyncAsync(inbox)).Element(AirSync.Commands).ShouldBeNull();
    }

    [Fact]
    public async Task GetAttachment_streams_the_raw_attachment_for_12_1()
    {
        var user = MailboxUser.Create(dovecot, "ga");
        await user.DeliverRawAsync(MessageWithAttachment());
        var phone = await SyncingPhone.StartAsync(_server, user, "12.1", "Ga1");
        var data = (await phone.SyncAllAsync(phone.IdOf("INBOX"))).Single().Data;
        var reference = data.Element(AirSyncBase.Attachments)!.Element(AirSyncBase.Attachment)!.ValueOf(AirSyncBase.FileReference)!;

        var response = await phone.Client.PostAsync("GetAttachment", null, "&AttachmentName=" + Uri.EscapeDataString(reference));
        var missing = await phone.Client.PostAsync("GetAttachment", null, "&AttachmentName=" + Uri.EscapeDataString(phone.IdOf("INBOX") + ":424242:2"));

        response.Status.ShouldBe(HttpStatusCode.OK);
        Encoding.ASCII.GetString(response.Bytes).ShouldBe(AttachmentText);
        missing.Status.ShouldBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task ItemOperations_Move_moves_a_whole_conversation()
    {
        var user = MailboxUser.Create(dovecot, "conv");
        await user.DeliverRawAsync("From: a@example.com\r\nSubject: Plan\r\nMessage-ID: <root-1@example.com>\r\nDate: Sun, 1 Nov 2026 09:00:00 +0000\r\n\r\nFirst\r\n");
        await user.DeliverRawAsync("From: b@example.com\r\nSubject: Re: Plan\r\nMessage-ID: <reply-1@example.com>\r\nIn-Reply-To: <root-1@example.com>\r\nReferences: <root-1@example.com>\r\nDate: Sun, 1 Nov 2026 10:00:00 +0000\r\n\r\nSecond\r\n");
        await user.DeliverAsync(3);
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Conv1");
        var items = await phone.SyncAllAsync(phone.IdOf("INBOX"));
        var conversation = items.Single(i => i.Data.ValueOf(Email.Subject) == "Plan").Data.Element(Email2.ConversationId)!.RawValue;
        items.Single(i => i.Data.ValueOf(Email.Subject) == "Re: Plan").Data.Element(Email2.ConversationId)!.RawValue.ToArray().ShouldBe(conversation.ToArray());

        var move = Eas.Wire.Wbxml.WbxmlElement.WithChildren(IoPage.ItemOperationsElement, Eas.Wire.Wbxml.WbxmlElement.WithChildren(IoPage.Move,
            Eas.Wire.Wbxml.WbxmlElement.WithOpaque(IoPage.ConversationId, conversation), Eas.Wire.Wbxml.WbxmlElement.WithText(IoPage.DstFldId, phone.IdOf("Junk"))));
        var result = (await phone.Client.PostAsync("ItemOperations", move)).Body!.Element(IoPage.Response)!.Element(IoPage.Move)!;

        result.ValueOf(IoPage.Status).ShouldBe("1");
        using var imap = await user.ConnectImapAsync();
        (await imap.SelectAsync("Junk")).Exists.ShouldBe(2u);
        (await imap.SelectAsync("INBOX")).Exists.ShouldBe(1u);
    }

    private static Eas.Wire.Wbxml.WbxmlElement FetchResult(EasResponse response) =>
        response.Body.ShouldNotBeNull().Element(IoPage.Response).ShouldNotBeNull().Element(IoPage.Fetch).ShouldNotBeNull();
}
