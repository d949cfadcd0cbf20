using System.Text;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Integration.Tests;

/// <summary>
/// Drafts written by a 16.x phone with Sync (MS-ASCMD 2.2.3.7.2 Add, 2.2.3.24 Change, MS-ASEMAIL 2.2.2.69 Send,
/// MS-ASAIRS 2.2.2.2 and 2.2.2.21 attachments) over real HTTP: the draft is read back from Dovecot's Drafts folder,
/// and the sent message from the recipient's INBOX after Postfix delivered it, and from the sender's Sent folder.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class DraftsTests(DovecotFixture dovecot, DraftsServerFixture shared) : IClassFixture<DraftsServerFixture>
{
    private readonly ServerInstance _server = shared.Server;
    private readonly MailboxUser _recipient = shared.Recipient;

    /// <summary>The class's server takes draft attachments up to this size (<c>Eas:Requests:MaxDraftAttachmentBytes</c>).</summary>
    internal const int MaxAttachmentBytes = 64 * 1024;

    private static WbxmlElement Attachment(string clientId, string name, byte[] content) =>
        WithChildren(AirSyncBase.Add,
            WithText(AirSyncBase.ClientId, clientId),
            WithText(AirSyncBase.Method, "1"),
            WithOpaque(AirSyncBase.Content, content),
            WithText(AirSyncBase.DisplayName, name),
            WithText(AirSyncBase.ContentType, "application/octet-stream"));

    private static (string ClientId, string FileReference) AttachmentAnswer(WbxmlElement response) =>
        response.Element(AirSync.ApplicationData).ShouldNotBeNull().Element(AirSyncBase.Attachments).ShouldNotBeNull()
            .Elements(AirSyncBase.Attachment).Select(a => (a.ValueOf(AirSyncBase.ClientId)!, a.ValueOf(AirSyncBase.FileReference)!)).ShouldHaveSingleItem();

    private static async Task<WbxmlElement> FetchAsync(SyncingPhone phone, WbxmlElement request)
    {
        var fetch = (await phone.Client.PostAsync("ItemOperations", request)).Body.ShouldNotBeNull()
            .Element(IoPage.Response).ShouldNotBeNull().Element(IoPage.Fetch).ShouldNotBeNull();
        fetch.ValueOf(IoPage.Status).ShouldBe("1");
        return fetch;
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_7_2_a_16_1_draft_with_an_attachment_is_saved_changed_and_sent()
    {
        var sender = MailboxUser.Create(dovecot, "drafter");
        await dovecot.AcceptMailForAsync(sender.Address);
        var phone = await SyncingPhone.StartAsync(_server, sender, "16.1", "Drafts161");
        var drafts = phone.Folders["Drafts"];
        drafts.Type.ShouldBe("3");
        await phone.SyncAllAsync(drafts.Id);
        var first = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("first attachment ", 200)));
        var second = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();
        var subject = $"Draft {Guid.NewGuid():N}";

        var added = await phone.SyncAsync(drafts.Id, commands: [WithChildren(AirSync.Add,
            WithText(AirSync.ClientId, "d1"),
            WithChildren(AirSync.ApplicationData,
                WithText(Email.To, _recipient.Address),
                WithText(Email.Subject, subject),
                WithChildren(AirSyncBase.Body, WithText(AirSyncBase.Type, "2"), WithText(AirSyncBase.Data, "<p>Kept as a draft</p>")),
                WithChildren(AirSyncBase.Attachments, Attachment("a1", "first.txt", first))))]);
        added.ValueOf(AirSync.Status).ShouldBe("1");
        added.Element(AirSync.Commands).ShouldBeNull("the phone's own draft is not sent back to it");
        var addAnswer = added.Element(AirSync.Responses).ShouldNotBeNull().Element(AirSync.Add).ShouldNotBeNull();
        addAnswer.ValueOf(AirSync.Status).ShouldBe("1");
        var serverId = addAnswer.ValueOf(AirSync.ServerId).ShouldNotBeNull();
        var (firstClientId, firstReference) = AttachmentAnswer(addAnswer);
        firstClientId.ShouldBe("a1");
        var saved = (await Mailbox.WaitForAsync(sender, subject, "Drafts")).ShouldHaveSingleItem();
        saved.Flags.ShouldContain(@"\Draft");
        saved.Raw.ShouldContain(Convert.ToBase64String(first)[..60]);

        var newSubject = subject + " changed";
        var changed = await phone.SyncAsync(drafts.Id, commands: [WithChildren(AirSync.Change,
            WithText(AirSync.ServerId, serverId),
            WithChildren(AirSync.ApplicationData,
                WithText(Email.Subject, newSubject),
                WithChildren(AirSyncBase.Attachments,
                    WithChildren(AirSyncBase.Delete, WithText(AirSyncBase.FileReference, firstReference)),
                    Attachment("a2", "second.bin", second))))]);
        changed.ValueOf(AirSync.Status).ShouldBe("1");
        changed.Element(AirSync.Commands).ShouldBeNull("the replaced draft keeps its ServerId: no Delete and Add come back");
        var changeAnswer = changed.Element(AirSync.Responses).ShouldNotBeNull().Element(AirSync.Change).ShouldNotBeNull();
        changeAnswer.ValueOf(AirSync.ServerId).ShouldBe(serverId);
        changeAnswer.ValueOf(AirSync.Status).ShouldBe("1");
        var (secondClientId, secondReference) = AttachmentAnswer(changeAnswer);
        secondClientId.ShouldBe("a2");
        var item = await FetchAsync(phone, MoreMailRequests.FetchItem(drafts.Id, serverId));
        item.Element(IoPage.Properties).ShouldNotBeNull().ValueOf(Email.Subject).ShouldBe(newSubject, "ItemOperations follows the draft's ServerId to its new message");
        var file = await FetchAsync(phone, MoreMailRequests.FetchAttachment(secondReference));
        Convert.FromBase64String(file.Element(IoPage.Properties).ShouldNotBeNull().ValueOf(IoPage.Data).ShouldNotBeNull()).ShouldBe(second);
        (await Mailbox.WaitForAsync(sender, subject, "Drafts", atLeast: 0)).ShouldBeEmpty();
        var rewritten = (await Mailbox.WaitForAsync(sender, newSubject, "Drafts")).ShouldHaveSingleItem();
        rewritten.Raw.ShouldContain(Convert.ToBase64String(second)[..60]);
        rewritten.Raw.ShouldNotContain(Convert.ToBase64String(first)[..60]);
        rewritten.Raw.ShouldContain("Kept as a draft", Case.Sensitive, "a Change keeps what the phone left out");

        var sent = await phone.SyncAsync(drafts.Id, commands: [WithChildren(AirSync.Change,
            WithText(AirSync.ServerId, serverId),
            new WbxmlElement(AirSync.ApplicationData),
            new WbxmlElement(Email2.Send))]);
        sent.ValueOf(AirSync.Status).ShouldBe("1");
        sent.Element(AirSync.Responses).ShouldBeNull("a successful Change without added attachments is not answered");
        SyncingPhone.CommandsOf(sent, AirSync.Delete).Select(d => d.ValueOf(AirSync.ServerId)).ShouldBe([serverId], "the sent draft leaves Drafts");

        var delivered = (await Mailbox.WaitForAsync(_recipient, newSubject)).ShouldHaveSingleItem().Raw;
        delivered.ShouldContain(Convert.ToBase64String(second)[..60]);
        delivered.ShouldContain("second.bin");
        delivered.ShouldNotContain(Convert.ToBase64String(first)[..60]);
        (await Mailbox.WaitForAsync(sender, newSubject, "Sent")).ShouldHaveSingleItem().Flags.ShouldContain(@"\Seen");
        (await Mailbox.WaitForAsync(sender, newSubject, "Drafts", atLeast: 0)).ShouldBeEmpty();
    }

    [Fact]
    public async Task MS_ASCMD_3_1_5_9_a_resent_draft_Add_is_answered_with_the_same_ServerId_and_stored_once()
    {
        var sender = MailboxUser.Create(dovecot, "redrafter");
        var phone = await SyncingPhone.StartAsync(_server, sender, "16.1", "Redraft161");
        var drafts = phone.Folders["Drafts"].Id;
        await phone.SyncAllAsync(drafts);
        var subject = $"Resent {Guid.NewGuid():N}";
        var key = phone.Keys[drafts];
        WbxmlElement[] add = [WithChildren(AirSync.Add,
            WithText(AirSync.ClientId, "r1"),
            WithChildren(AirSync.ApplicationData,
                WithText(Email.To, _recipient.Address),
                WithText(Email.Subject, subject),
                WithChildren(AirSyncBase.Attachments, Attachment("ra", "notes.txt", Encoding.ASCII.GetBytes("resent notes")))))];

        var lost = (await phone.SyncAsync(drafts, commands: add, key: key)).Element(AirSync.Responses).ShouldNotBeNull().Element(AirSync.Add).ShouldNotBeNull();
        var resent = await phone.SyncAsync(drafts, commands: add, key: key);

        resent.ValueOf(AirSync.Status).ShouldBe("1");
        resent.Element(AirSync.Commands).ShouldBeNull("the stored draft is the phone's own, not a new message");
        var answer = resent.Element(AirSync.Responses).ShouldNotBeNull().Element(AirSync.Add).ShouldNotBeNull();
        answer.ValueOf(AirSync.Status).ShouldBe("1");
        answer.ValueOf(AirSync.ServerId).ShouldBe(lost.ValueOf(AirSync.ServerId).ShouldNotBeNull());
        AttachmentAnswer(answer).ShouldBe(AttachmentAnswer(lost));
        (await Mailbox.WaitForAsync(sender, subject, "Drafts")).ShouldHaveSingleItem("the resent Add stores nothing again");
        (await phone.SyncAsync(drafts)).Element(AirSync.Commands).ShouldBeNull("nor is the draft sent back to the phone later");
    }

    [Fact]
    public async Task MS_ASEMAIL_2_2_2_69_a_14_1_phone_cannot_add_email_and_keeps_Status_6()
    {
        var user = MailboxUser.Create(dovecot, "drafter14");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Drafts141");
        var drafts = phone.IdOf("Drafts");
        await phone.SyncAllAsync(drafts);

        var response = await phone.SyncAsync(drafts, commands: [WithChildren(AirSync.Add,
            WithText(AirSync.ClientId, "d1"),
            WithChildren(AirSync.ApplicationData, WithText(Email.Subject, "Not on 14.1")))]);

        response.Element(AirSync.Responses).ShouldNotBeNull().Element(AirSync.Add).ShouldNotBeNull().ValueOf(AirSync.Status).ShouldBe("6");
        (await Mailbox.WaitForAsync(user, "Not on 14.1", "Drafts", atLeast: 0)).ShouldBeEmpty();
    }

    [Fact]
    public async Task MS_ASAIRS_2_2_2_21_a_Change_deleting_an_unknown_attachment_is_Status_8_and_an_Add_over_the_size_limit_is_Status_6_both_writing_nothing()
    {
        var user = MailboxUser.Create(dovecot, "drafter8");
        var phone = await SyncingPhone.StartAsync(_server, user, "16.0", "Drafts160");
        var drafts = phone.IdOf("Drafts");
        await phone.SyncAllAsync(drafts);
        var subject = $"Kept {Guid.NewGuid():N}";
        var added = await phone.SyncAsync(drafts, commands: [WithChildren(AirSync.Add,
            WithText(AirSync.ClientId, "d1"), WithChildren(AirSync.ApplicationData, WithText(Email.Subject, subject)))]);
        var serverId = added.Element(AirSync.Responses)!.Element(AirSync.Add)!.ValueOf(AirSync.ServerId).ShouldNotBeNull();

        var changed = await phone.SyncAsync(drafts, commands: [WithChildren(AirSync.Change,
            WithText(AirSync.ServerId, serverId),
            WithChildren(AirSync.ApplicationData,
                WithText(Email.Subject, "never stored"),
                WithChildren(AirSyncBase.Attachments, WithChildren(AirSyncBase.Delete, WithText(AirSyncBase.FileReference, drafts + ":999999:2")))))]);

        changed.ValueOf(AirSync.Status).ShouldBe("1");
        changed.Element(AirSync.Responses)!.Element(AirSync.Change)!.ValueOf(AirSync.Status).ShouldBe("8");
        (await Mailbox.WaitForAsync(user, subject, "Drafts")).ShouldHaveSingleItem();
        (await Mailbox.WaitForAsync(user, "never stored", "Drafts", atLeast: 0)).ShouldBeEmpty();

        var tooBig = await phone.SyncAsync(drafts, commands: [WithChildren(AirSync.Add,
            WithText(AirSync.ClientId, "d2"),
            WithChildren(AirSync.ApplicationData,
                WithText(Email.Subject, "too big"),
                WithChildren(AirSyncBase.Attachments, Attachment("a1", "big.bin", new byte[MaxAttachmentBytes + 1]))))]);
        tooBig.ValueOf(AirSync.Status).ShouldBe("1");
        var refused = tooBig.Element(AirSync.Responses)!.Element(AirSync.Add)!;
        refused.ValueOf(AirSync.Status).ShouldBe("6");
        refused.Element(AirSync.ServerId).ShouldBeNull();
        (await Mailbox.WaitForAsync(user, "too big", "Drafts", atLeast: 0)).ShouldBeEmpty();
    }
}

/// <summary>The one server of <see cref="DraftsTests"/>, and the recipient its sent drafts go to.</summary>
public sealed class DraftsServerFixture(DovecotFixture dovecot) : IAsyncLifetime
{
    internal ServerInstance Server { get; private set; } = null!;

    internal MailboxUser Recipient { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await ServerInstance.StartAsync(dovecot, null, $"--Eas:Requests:MaxDraftAttachmentBytes={DraftsTests.MaxAttachmentBytes}");
        Recipient = MailboxUser.Create(dovecot, "draftto");
        await dovecot.AcceptMailForAsync(Recipient.Address);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
