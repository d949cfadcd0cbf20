using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Integration.Tests;

/// <summary>
/// ItemOperations statuses (MS-ASCMD 2.2.3.177.8, 2.2.2) over real HTTP: a request that was understood is Status 1 at the
/// top, and each operation carries its own status in Response.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class ItemOperationsStatusTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_8_a_fetch_from_an_unknown_store_is_9_and_a_move_without_destination_156_each_in_its_Response()
    {
        var user = MailboxUser.Create(dovecot, "ioops");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Io156");
        var request = WithChildren(IoPage.ItemOperationsElement,
            WithChildren(IoPage.Fetch, WithText(IoPage.Store, "Archive"), WithText(AirSync.CollectionId, phone.IdOf("INBOX")), WithText(AirSync.ServerId, "1")),
            WithChildren(IoPage.Move, WithOpaque(IoPage.ConversationId, new byte[] { 0x01, 0x02, 0x03 })));

        var response = await phone.Client.PostAsync("ItemOperations", request);

        response.Status.ShouldBe(HttpStatusCode.OK);
        var body = response.Body.ShouldNotBeNull();
        body.ValueOf(IoPage.Status).ShouldBe("1");
        var results = body.Element(IoPage.Response).ShouldNotBeNull();
        results.Element(IoPage.Fetch).ShouldNotBeNull().ValueOf(IoPage.Status).ShouldBe("9");
        var move = results.Element(IoPage.Move).ShouldNotBeNull();
        move.ValueOf(IoPage.Status).ShouldBe("156");
        move.Element(IoPage.ConversationId).ShouldNotBeNull().RawValue.ToArray().ShouldBe(new byte[] { 0x01, 0x02, 0x03 });
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_8_emptying_a_folder_the_store_cannot_open_is_16_and_a_mail_folder_empties()
    {
        var user = MailboxUser.Create(dovecot, "ioempty");
        await user.DeliverAsync(1);
        // Dovecot keeps a deleted parent in the listing while it has children, but refuses to SELECT it.
        using (var imap = await user.ConnectImapAsync())
        {
            await imap.CreateAsync("Projects");
            await imap.CreateAsync("Projects/Alpha");
            await imap.DeleteAsync("Projects");
        }

        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "Io16");

        var container = await phone.Client.PostAsync("ItemOperations", MoreMailRequests.EmptyFolder(phone.IdOf("Projects")));
        var inbox = await phone.Client.PostAsync("ItemOperations", MoreMailRequests.EmptyFolder(phone.IdOf("INBOX")));

        container.Status.ShouldBe(HttpStatusCode.OK);
        container.Body!.ValueOf(IoPage.Status).ShouldBe("1");
        EmptyStatus(container.Body).ShouldBe("16");
        EmptyStatus(inbox.Body!).ShouldBe("1");
    }

    private static string? EmptyStatus(WbxmlElement body) =>
        body.Element(IoPage.Response).ShouldNotBeNull().Element(IoPage.EmptyFolderContents).ShouldNotBeNull().ValueOf(IoPage.Status);
}
