using MailKit;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests;

/// <summary>
/// MoveItems between contacts folders (MS-ASCMD 2.2.1.12) over real HTTP, kept by the IMAP-folder PIM store in Dovecot,
/// and moves between a contacts folder and a mail folder refused (MS-ASCMD 2.2.3.177.9).
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class ContactMoveTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static WbxmlElement Moving(string item, string from, string to) =>
        WithChildren(Move.MoveItems, WithChildren(Move.MoveElement,
            WithText(Move.SrcMsgId, item), WithText(Move.SrcFldId, from), WithText(Move.DstFldId, to)));

    /// <summary>A phone holding one store contact in Contacts, with a second contacts folder "Friends" synced (empty).</summary>
    private async Task<(MailboxUser User, SyncingPhone Phone, string Contacts, string Friends, string Item)> StartAsync(string device)
    {
        var user = MailboxUser.Create(dovecot, "cmove");
        var phone = await SyncingPhone.StartAsync(_server, user, "16.1", device);
        var contacts = phone.IdOf(ContactRequests.Folder);
        var created = await phone.Client.PostAsync("FolderCreate", WithChildren(FolderHierarchy.FolderCreate,
            WithText(FolderHierarchy.SyncKey, phone.HierarchyKey), WithText(FolderHierarchy.ParentId, contacts),
            WithText(FolderHierarchy.DisplayName, "Friends"), WithText(FolderHierarchy.Type, "14")));
        phone.SetHierarchyKey(created.Body!.ValueOf(FolderHierarchy.SyncKey)!);
        var friends = created.Body.ValueOf(FolderHierarchy.ServerId)!;
        await ContactRequests.AppendAsync(user, ContactsSyncTests.CardOf("m1"), "m1");
        await ContactsSyncTests.SyncAsync(phone, contacts);
        var (item, _) = SyncingPhone.AddsOf(await ContactsSyncTests.SyncAsync(phone, contacts)).ShouldHaveSingleItem();
        await ContactsSyncTests.SyncAsync(phone, friends);
        (await ContactsSyncTests.SyncAsync(phone, friends)).Element(AirSync.Commands).ShouldBeNull();
        return (user, phone, contacts, friends, item);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_12_a_contact_moved_between_contacts_folders_leaves_the_source_by_a_Delete_and_is_held_under_DstMsgId()
    {
        var (user, phone, contacts, friends, item) = await StartAsync("CmOk");

        var response = await phone.Client.PostAsync("MoveItems", Moving(item, contacts, friends));

        var result = response.Body!.Element(Move.Response)!;
        result.ValueOf(Move.Status).ShouldBe("3");
        var dst = result.ValueOf(Move.DstMsgId).ShouldNotBeNull();
        dst.ShouldStartWith(friends + ":");
        var source = await ContactsSyncTests.SyncAsync(phone, contacts);
        SyncingPhone.CommandsOf(source, AirSync.Delete).ShouldHaveSingleItem().ValueOf(AirSync.ServerId).ShouldBe(item);
        (await ContactsSyncTests.SyncAsync(phone, friends)).Element(AirSync.Commands)
            .ShouldBeNull("the phone holds the moved contact under DstMsgId already; a second Add would duplicate it");
        using var imap = await user.ConnectImapAsync();
        var folders = await imap.GetFoldersAsync(imap.PersonalNamespaces[0]);
        var friendsFolder = folders.Single(f => f.Name == "Friends");
        await friendsFolder.OpenAsync(FolderAccess.ReadOnly);
        friendsFolder.Count.ShouldBe(1, "the vCard moved to the Friends folder in the store");
        var other = await SyncingPhone.StartAsync(_server, user, "16.1", "CmOk2");
        await ContactsSyncTests.SyncAsync(other, friends);
        SyncingPhone.AddsOf(await ContactsSyncTests.SyncAsync(other, friends)).ShouldHaveSingleItem().Data.ValueOf(Contacts.LastName).ShouldBe("Lovelace");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_9_a_move_between_a_contacts_folder_and_a_mail_folder_is_an_invalid_destination()
    {
        var (user, phone, contacts, _, item) = await StartAsync("CmMix");
        var inbox = phone.IdOf("INBOX");
        await user.DeliverAsync(1);
        await phone.SyncAsync(inbox);
        var (mail, _) = SyncingPhone.AddsOf(await phone.SyncAsync(inbox)).ShouldHaveSingleItem();

        var toMail = await phone.Client.PostAsync("MoveItems", Moving(item, contacts, inbox));
        var toContacts = await phone.Client.PostAsync("MoveItems", Moving(mail, inbox, contacts));

        toMail.Body!.Element(Move.Response)!.ValueOf(Move.Status).ShouldBe("2");
        toContacts.Body!.Element(Move.Response)!.ValueOf(Move.Status).ShouldBe("2");
        (await ContactRequests.StoredAsync(user)).ShouldHaveSingleItem("the contact stayed where it was");
    }
}
