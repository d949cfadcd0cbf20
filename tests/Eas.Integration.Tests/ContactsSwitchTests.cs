using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;

namespace Eas.Integration.Tests;

/// <summary>The Contacts switch over the admin API (issue 15), as a synced phone sees it: the contacts folders leave the hierarchy and answer as folders that do not exist.</summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class ContactsSwitchTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null, null, AdminClient.RootArgs);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Switching_Contacts_off_removes_the_contacts_folders_and_answers_their_Sync_and_Ping_as_for_a_missing_folder()
    {
        var user = MailboxUser.Create(dovecot, "cswitch");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", "CSwitch");
        var folder = phone.IdOf(ContactRequests.Folder);
        await ContactsSyncTests.SyncAsync(phone, folder);
        var admin = _server.Admin();
        (await admin.GetAsync($"/accounts/{user.Address}"))["pimStore"]!.GetValue<string>().ShouldBe("imap");

        await admin.PutAsync($"/accounts/{user.Address}", new { contacts = false });

        var ping = await phone.Client.PostAsync("Ping", PingRequests.Ping(60, folder));
        ping.Body.ShouldNotBeNull().ValueOf(Ping.Status).ShouldBe("7");
        (await ContactsSyncTests.SyncAsync(phone, folder)).ValueOf(AirSync.Status).ShouldBe("12");
        await phone.FolderSyncAsync();
        phone.Folders.ShouldNotContainKey(ContactRequests.Folder);
        phone.Folders.ShouldContainKey("INBOX");

        await admin.PutAsync($"/accounts/{user.Address}", new { });
        await phone.FolderSyncAsync();
        phone.IdOf(ContactRequests.Folder).ShouldBe(folder, "folder ids are stable across the switch");
    }
}
