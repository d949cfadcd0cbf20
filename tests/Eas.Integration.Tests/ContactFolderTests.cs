using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests;

/// <summary>
/// Contacts folders the phone creates, renames and deletes (MS-ASCMD 2.2.1.3, 2.2.1.6, 2.2.1.4 with Type 14,
/// MS-ASCMD 2.2.3.186.2) over real HTTP, kept by the IMAP-folder PIM store in Dovecot; a second phone of the same
/// account shows what the store now holds.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class ContactFolderTests(DovecotFixture dovecot, DefaultServerFixture shared) : IClassFixture<DefaultServerFixture>
{
    // One server for the class: every test signs in with an account of its own.
    private readonly ServerInstance _server = shared.Server;

    private static WbxmlElement Create(string key, string parentId, string name, string type = "14") =>
        WithChildren(FolderHierarchy.FolderCreate,
            WithText(FolderHierarchy.SyncKey, key), WithText(FolderHierarchy.ParentId, parentId),
            WithText(FolderHierarchy.DisplayName, name), WithText(FolderHierarchy.Type, type));

    private async Task<(MailboxUser User, SyncingPhone Phone, string Contacts)> StartAsync(string device)
    {
        var user = MailboxUser.Create(dovecot, "cfolder");
        var phone = await SyncingPhone.StartAsync(_server, user, "16.1", device);
        return (user, phone, phone.IdOf(ContactRequests.Folder));
    }

    private static async Task<WbxmlElement> PostAsync(SyncingPhone phone, string command, WbxmlElement request)
    {
        var response = await phone.Client.PostAsync(command, request);
        var body = response.Body.ShouldNotBeNull();
        if (body.ValueOf(FolderHierarchy.Status) == "1") phone.SetHierarchyKey(body.ValueOf(FolderHierarchy.SyncKey)!);
        return body;
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_3_FolderCreate_of_type_14_below_Contacts_is_a_contacts_folder_every_phone_then_syncs()
    {
        var (user, phone, contacts) = await StartAsync("CfNew");

        var created = await PostAsync(phone, "FolderCreate", Create(phone.HierarchyKey, contacts, "Friends"));

        created.ValueOf(FolderHierarchy.Status).ShouldBe("1");
        var id = created.ValueOf(FolderHierarchy.ServerId).ShouldNotBeNull();
        (await phone.FolderSyncAsync()).Element(FolderHierarchy.Changes)!.ValueOf(FolderHierarchy.Count).ShouldBe("0", "the phone's own create is not reported back");
        var other = await SyncingPhone.StartAsync(_server, user, "16.1", "CfNew2");
        other.Folders["Friends"].ShouldBe((id, "14", contacts));
        var sync = await ContactsSyncTests.SyncAsync(other, id);
        sync.ValueOf(AirSync.Status).ShouldBe("1", "the new folder syncs as a contacts collection");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_3_FolderCreate_statuses_for_a_contacts_folder_name_taken_and_mixed_parents()
    {
        var (_, phone, contacts) = await StartAsync("CfStatus");
        (await PostAsync(phone, "FolderCreate", Create(phone.HierarchyKey, contacts, "Work"))).ValueOf(FolderHierarchy.Status).ShouldBe("1");

        (await PostAsync(phone, "FolderCreate", Create(phone.HierarchyKey, contacts, "work"))).ValueOf(FolderHierarchy.Status)
            .ShouldBe("2", "a folder of that name already exists under the parent");
        (await PostAsync(phone, "FolderCreate", Create(phone.HierarchyKey, phone.IdOf("INBOX"), "People"))).ValueOf(FolderHierarchy.Status)
            .ShouldBe("5", "a mail folder is no parent for a contacts folder");
        (await PostAsync(phone, "FolderCreate", Create(phone.HierarchyKey, contacts, "Mail", "12"))).ValueOf(FolderHierarchy.Status)
            .ShouldBe("5", "a contacts folder is no parent for a mail folder");
        (await PostAsync(phone, "FolderCreate", Create(phone.HierarchyKey, "999", "Lost"))).ValueOf(FolderHierarchy.Status).ShouldBe("5");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_3_FolderCreate_of_type_14_at_the_root_is_reported_where_the_store_put_it()
    {
        var (_, phone, contacts) = await StartAsync("CfRoot");

        var created = await PostAsync(phone, "FolderCreate", Create(phone.HierarchyKey, "0", "Club"));
        created.ValueOf(FolderHierarchy.Status).ShouldBe("1");
        var id = created.ValueOf(FolderHierarchy.ServerId)!;

        var next = await phone.FolderSyncAsync();
        var update = next.Element(FolderHierarchy.Changes)!.Elements(FolderHierarchy.Update).ShouldHaveSingleItem();
        update.ValueOf(FolderHierarchy.ServerId).ShouldBe(id);
        update.ValueOf(FolderHierarchy.ParentId).ShouldBe(contacts, "the IMAP store keeps user contacts folders below Contacts");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_6_FolderUpdate_renames_a_contacts_folder_under_the_same_ServerId()
    {
        var (user, phone, contacts) = await StartAsync("CfRen");
        var id = (await PostAsync(phone, "FolderCreate", Create(phone.HierarchyKey, contacts, "Old"))).ValueOf(FolderHierarchy.ServerId)!;

        var renamed = await PostAsync(phone, "FolderUpdate", MailRequests.FolderUpdate(phone.HierarchyKey, id, contacts, "New"));

        renamed.ValueOf(FolderHierarchy.Status).ShouldBe("1");
        (await phone.FolderSyncAsync()).Element(FolderHierarchy.Changes)!.ValueOf(FolderHierarchy.Count).ShouldBe("0");
        var other = await SyncingPhone.StartAsync(_server, user, "16.1", "CfRen2");
        other.Folders["New"].ShouldBe((id, "14", contacts));
        other.Folders.ShouldNotContainKey("Old");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_6_FolderUpdate_of_the_default_Contacts_folder_is_status_2()
    {
        var (_, phone, contacts) = await StartAsync("CfRenDef");

        var renamed = await PostAsync(phone, "FolderUpdate", MailRequests.FolderUpdate(phone.HierarchyKey, contacts, "0", "Renamed"));

        renamed.ValueOf(FolderHierarchy.Status).ShouldBe("2");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_4_FolderDelete_removes_a_contacts_folder_and_refuses_the_default_one_with_status_3()
    {
        var (user, phone, contacts) = await StartAsync("CfDel");
        var id = (await PostAsync(phone, "FolderCreate", Create(phone.HierarchyKey, contacts, "Gone"))).ValueOf(FolderHierarchy.ServerId)!;

        (await PostAsync(phone, "FolderDelete", MailRequests.FolderDelete(phone.HierarchyKey, contacts))).ValueOf(FolderHierarchy.Status).ShouldBe("3");
        var deleted = await PostAsync(phone, "FolderDelete", MailRequests.FolderDelete(phone.HierarchyKey, id));

        deleted.ValueOf(FolderHierarchy.Status).ShouldBe("1");
        var other = await SyncingPhone.StartAsync(_server, user, "16.1", "CfDel2");
        other.Folders.ShouldNotContainKey("Gone");
        other.Folders.ShouldContainKey(ContactRequests.Folder);
    }
}
