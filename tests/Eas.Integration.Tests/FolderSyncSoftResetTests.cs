using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;

namespace Eas.Integration.Tests;

/// <summary>
/// FolderSync with SyncKey 0 on a partnership that already synced (Gmail for Android, late 2025, sends it on a
/// manual refresh): a soft reset. The folder ids stay the same (MS-ASCMD 2.2.3.25: the server SHOULD keep the
/// ServerId mapping across SyncKey 0), and every collection's state is kept, so a phone that goes on with its
/// collection keys gets only what changed; a phone that really reset sends Sync SyncKey 0 per folder and gets
/// everything again (MS-ASCMD 2.2.3.181.4). See docs/ARCHITECTURE.md, "FolderSync 0 is a soft reset".
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class FolderSyncSoftResetTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MS_ASCMD_2_2_3_25_FolderSync_0_keeps_folder_ids_and_the_old_collection_keys_get_only_changes()
    {
        var (user, phone, inbox) = await SyncedPhoneAsync("softkeep", "Soft1");
        var foldersBefore = phone.Folders.ToDictionary(f => f.Key, f => f.Value.Id);
        var inboxKey = phone.Keys[inbox];

        phone.SetHierarchyKey("0");
        phone.Folders.Clear();
        var reset = await phone.FolderSyncAsync();
        await user.DeliverAsync(4);
        var next = await phone.SyncAsync(inbox, key: inboxKey);

        reset.ValueOf(FolderHierarchy.Status).ShouldBe("1");
        phone.Folders.ToDictionary(f => f.Key, f => f.Value.Id).ShouldBe(foldersBefore, ignoreOrder: true);
        next.ValueOf(AirSync.Status).ShouldBe("1");
        SyncingPhone.AddsOf(next).Select(a => a.Data.ValueOf(Email.Subject)).ShouldBe(["Message 4"]);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_181_4_a_phone_that_really_reset_gets_every_item_again_with_Sync_0()
    {
        var (_, phone, inbox) = await SyncedPhoneAsync("softwipe", "Soft2");

        phone.SetHierarchyKey("0");
        phone.Folders.Clear();
        await phone.FolderSyncAsync();
        var again = await phone.SyncAllAsync(phone.IdOf("INBOX"));

        phone.IdOf("INBOX").ShouldBe(inbox);
        again.Select(a => a.Data.ValueOf(Email.Subject)).ShouldBe(["Message 1", "Message 2", "Message 3"], ignoreOrder: true);
    }

    private async Task<(MailboxUser User, SyncingPhone Phone, string Inbox)> SyncedPhoneAsync(string prefix, string device)
    {
        var user = MailboxUser.Create(dovecot, prefix);
        for (var i = 1; i <= 3; i++) await user.DeliverAsync(i);
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", device);
        var inbox = phone.IdOf("INBOX");
        (await phone.SyncAllAsync(inbox)).Count.ShouldBe(3);
        return (user, phone, inbox);
    }
}
