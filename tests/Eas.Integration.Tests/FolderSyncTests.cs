using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;

namespace Eas.Integration.Tests;

/// <summary>FolderSync, FolderCreate, FolderUpdate and FolderDelete over real HTTP against Dovecot (MS-ASCMD 2.2.1.2-2.2.1.5).</summary>
[Collection(DovecotCollection.Name)]
public sealed class FolderSyncTests(DovecotFixture dovecot, DefaultServerFixture shared) : IClassFixture<DefaultServerFixture>
{
    // One server for the class: every test signs in with an account of its own.
    private readonly ServerInstance _server = shared.Server;

    [Theory]
    [InlineData("2.5")]
    [InlineData("12.1")]
    [InlineData("14.1")]
    [InlineData("16.1")]
    public async Task The_initial_hierarchy_maps_special_folders_to_their_types(string version)
    {
        var user = MailboxUser.Create(dovecot, "fs");
        var phone = await SyncingPhone.StartAsync(_server, user, version, "Fs" + version.Replace(".", "", StringComparison.Ordinal));

        phone.Folders["INBOX"].Type.ShouldBe("2");
        phone.Folders["Drafts"].Type.ShouldBe("3");
        phone.Folders["Trash"].Type.ShouldBe("4");
        phone.Folders["Sent"].Type.ShouldBe("5");
        phone.Folders["Junk"].Type.ShouldBe("12");
        phone.Folders.Values.ShouldAllBe(f => f.ParentId == "0");
    }

    [Fact]
    public async Task Changes_by_another_client_come_as_add_update_and_delete_with_stable_ids()
    {
        var user = MailboxUser.Create(dovecot, "fs");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "FsOther");
        var keyBefore = phone.HierarchyKey;
        (await phone.FolderSyncAsync()).Element(FolderHierarchy.Changes)!.ValueOf(FolderHierarchy.Count).ShouldBe("0");
        phone.HierarchyKey.ShouldBe(keyBefore);

        using (var imap = await user.ConnectImapAsync())
        {
            await imap.CreateAsync("Projects");
            await imap.CreateAsync("Projects/Alpha");
        }

        await phone.FolderSyncAsync();
        var projects = phone.IdOf("Projects");
        phone.Folders["Alpha"].ParentId.ShouldBe(projects);

        using (var imap = await user.ConnectImapAsync())
            await imap.RenameAsync("Projects", "Work");
        var renamed = await phone.FolderSyncAsync();
        renamed.Element(FolderHierarchy.Changes)!.Elements(FolderHierarchy.Add).ShouldBeEmpty();
        phone.IdOf("Work").ShouldBe(projects);

        using (var imap = await user.ConnectImapAsync())
            await imap.DeleteAsync("Work/Alpha");
        var deleted = await phone.FolderSyncAsync();
        deleted.Element(FolderHierarchy.Changes)!.Elements(FolderHierarchy.Delete).ShouldHaveSingleItem();
        phone.Folders.ContainsKey("Alpha").ShouldBeFalse();
    }

    [Fact]
    public async Task A_resent_key_is_answered_again_and_an_unknown_key_is_status_9()
    {
        var user = MailboxUser.Create(dovecot, "fs");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "FsKeys");
        var first = phone.HierarchyKey;
        using (var imap = await user.ConnectImapAsync()) await imap.CreateAsync("Receipts");
        var changed = await phone.FolderSyncAsync();

        phone.SetHierarchyKey(first);
        var again = await phone.FolderSyncAsync();

        again.Element(FolderHierarchy.Changes)!.ToString().ShouldBe(changed.Element(FolderHierarchy.Changes)!.ToString());
        phone.SetHierarchyKey("nonsense-1");
        (await phone.FolderSyncAsync()).ValueOf(FolderHierarchy.Status).ShouldBe("9");
    }

    [Fact]
    public async Task Folder_commands_create_rename_and_delete_on_imap()
    {
        var user = MailboxUser.Create(dovecot, "fs");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "FsCmds");

        var created = (await phone.Client.PostAsync("FolderCreate", MailRequests.FolderCreate(phone.HierarchyKey, "0", "Travel"))).Body!;
        created.ValueOf(FolderHierarchy.Status).ShouldBe("1");
        var travel = created.ValueOf(FolderHierarchy.ServerId)!;
        phone.SetHierarchyKey(created.ValueOf(FolderHierarchy.SyncKey)!);
        (await phone.Client.PostAsync("FolderCreate", MailRequests.FolderCreate(phone.HierarchyKey, "0", "Travel"))).Body!.ValueOf(FolderHierarchy.Status).ShouldBe("2");
        (await phone.Client.PostAsync("FolderCreate", MailRequests.FolderCreate("stale-1", "0", "Other"))).Body!.ValueOf(FolderHierarchy.Status).ShouldBe("9");
        (await phone.Client.PostAsync("FolderCreate", MailRequests.FolderCreate(phone.HierarchyKey, "999", "Orphan"))).Body!.ValueOf(FolderHierarchy.Status).ShouldBe("5");

        var updated = (await phone.Client.PostAsync("FolderUpdate", MailRequests.FolderUpdate(phone.HierarchyKey, travel, "0", "Trips"))).Body!;
        updated.ValueOf(FolderHierarchy.Status).ShouldBe("1");
        phone.SetHierarchyKey(updated.ValueOf(FolderHierarchy.SyncKey)!);
        (await phone.Client.PostAsync("FolderUpdate", MailRequests.FolderUpdate(phone.HierarchyKey, phone.IdOf("INBOX"), "0", "Mail"))).Body!.ValueOf(FolderHierarchy.Status).ShouldBe("2");
        (await phone.Client.PostAsync("FolderUpdate", MailRequests.FolderUpdate(phone.HierarchyKey, "998", "0", "X"))).Body!.ValueOf(FolderHierarchy.Status).ShouldBe("4");

        using (var imap = await user.ConnectImapAsync())
            (await imap.ListAsync()).Select(m => m.Name).ShouldContain("Trips");

        (await phone.Client.PostAsync("FolderDelete", MailRequests.FolderDelete(phone.HierarchyKey, phone.IdOf("Sent")))).Body!.ValueOf(FolderHierarchy.Status).ShouldBe("3");
        var deleted = (await phone.Client.PostAsync("FolderDelete", MailRequests.FolderDelete(phone.HierarchyKey, travel))).Body!;
        deleted.ValueOf(FolderHierarchy.Status).ShouldBe("1");
        phone.SetHierarchyKey(deleted.ValueOf(FolderHierarchy.SyncKey)!);

        (await phone.FolderSyncAsync()).Element(FolderHierarchy.Changes)!.ValueOf(FolderHierarchy.Count).ShouldBe("0");
        using (var imap = await user.ConnectImapAsync())
            (await imap.ListAsync()).Select(m => m.Name).ShouldNotContain("Trips");
    }
}
