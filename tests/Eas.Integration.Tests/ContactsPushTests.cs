using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Integration.Tests;

/// <summary>
/// Push and estimates on contacts folders over real HTTP (MS-ASCMD 2.2.1.13 Ping, 2.2.1.9 GetItemEstimate): the IMAP
/// store's Contacts folder is watched like a mail folder, and "changed since the last sync" is the store's token.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class ContactsPushTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null, "--Eas:Ping:MinHeartbeatSeconds=1", "--Eas:Ping:MaxHeartbeatSeconds=600");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(MailboxUser User, SyncingPhone Phone, string Contacts)> SyncedAsync(string device)
    {
        var user = MailboxUser.Create(dovecot, "cpush");
        var phone = await SyncingPhone.StartAsync(_server, user, "14.1", device);
        var folder = phone.IdOf(ContactRequests.Folder);
        await ContactsSyncTests.SyncAsync(phone, folder);
        await ContactsSyncTests.SyncAsync(phone, folder);
        return (user, phone, folder);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_a_contact_appended_by_another_client_answers_a_parked_Ping_with_Status_2_and_then_syncs()
    {
        var (user, phone, folder) = await SyncedAsync("CPing");
        var ping = phone.Client.PostAsync("Ping", PingRequests.Ping(120, folder));
        await Task.Delay(1500);
        ping.IsCompleted.ShouldBeFalse("nothing changed since the last sync: the Ping parks");

        await ContactRequests.AppendAsync(user, ContactsSyncTests.CardOf("p1"), "p1");
        var response = (await ping.WaitAsync(TimeSpan.FromSeconds(15))).Body!;

        response.ValueOf(PingPage.Status).ShouldBe("2");
        response.Element(PingPage.Folders)!.ValueOf(PingPage.Folder).ShouldBe(folder);
        var synced = await ContactsSyncTests.SyncAsync(phone, folder);
        SyncingPhone.AddsOf(synced).ShouldHaveSingleItem().Data.ValueOf(Contacts.FirstName).ShouldBe("Ada");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_9_GetItemEstimate_of_a_contacts_folder_counts_the_store_changes_since_the_last_sync()
    {
        var (user, phone, folder) = await SyncedAsync("CEst");
        await ContactRequests.AppendAsync(user, ContactsSyncTests.CardOf("e1"), "e1");
        await ContactRequests.AppendAsync(user, ContactsSyncTests.CardOf("e2"), "e2");

        var response = (await phone.Client.PostAsync("GetItemEstimate", MoreMailRequests.GetItemEstimate(phone.Version, folder, phone.Keys[folder]))).Body!;

        var result = response.Element(GetItemEstimate.Response)!;
        result.ValueOf(GetItemEstimate.Status).ShouldBe("1");
        result.Element(GetItemEstimate.Collection)!.ValueOf(GetItemEstimate.Estimate).ShouldBe("2");
    }
}
