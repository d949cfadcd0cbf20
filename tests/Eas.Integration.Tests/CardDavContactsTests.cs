using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Eas.Integration.Tests.Support;
using Eas.Mail.LocalRadicale;
using Eas.Wire.CodePages;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests;

/// <summary>
/// Contacts in a CardDAV server (issue 15): the server started with <c>Eas:Pim:Store=carddav</c> and the URL template
/// pointing at a private Radicale whose users have the Dovecot users' passwords; the address book is read back with a
/// plain HTTP GET (RFC 6352 as another client would).
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed partial class CardDavContactsTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private RadicaleBackedServer _dav = null!;
    private ServerInstance _server = null!;

    public async Task InitializeAsync()
    {
        _dav = await RadicaleBackedServer.StartAsync(dovecot, "eas-it-radicale-", port =>
        [
            "--Eas:Pim:Store=carddav",
            $"--Eas:Pim:CardDav:UrlTemplate=http://127.0.0.1:{port}/{{user}}/",
            "--Eas:Pim:CardDav:TimeoutSeconds=5",
            "--Eas:Pim:PollSeconds=" + PimPollSeconds,
        ]);
        _server = _dav.Server;
    }

    public async Task DisposeAsync() => await _dav.DisposeAsync();

    /// <summary>The shortest poll interval the options accept, so a change made by another client reaches a parked Ping soon.</summary>
    private const int PimPollSeconds = 5;

    /// <summary>The Radicale user: the IMAP login, as the server sends it (HTTP Basic) and as <c>{user}</c> expands.</summary>
    private static string LocalPart(MailboxUser user) => user.Address;

    private async Task<(MailboxUser User, SyncingPhone Phone, string Folder)> StartAsync(string version, string device)
    {
        var user = MailboxUser.Create(dovecot, "dav");
        _dav.Radicale.AddUser(LocalPart(user), user.Password);
        var phone = await SyncingPhone.StartAsync(_server, user, version, device);
        phone.Folders.ShouldContainKey(ContactRequests.Folder);
        phone.Folders[ContactRequests.Folder].Type.ShouldBe("9", "the default address book is the default contacts folder (MS-ASCMD 2.2.3.186.3)");
        return (user, phone, phone.IdOf(ContactRequests.Folder));
    }

    private async Task<string> GetAsync(MailboxUser user, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_dav.Radicale.HomeUrl(LocalPart(user)), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LocalPart(user)}:{user.Password}")));
        using var other = new HttpClient();
        using var response = await other.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task PutAsync(MailboxUser user, string path, string vcard)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(_dav.Radicale.HomeUrl(LocalPart(user)), path))
        {
            Content = new StringContent(vcard, Encoding.UTF8, "text/vcard"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LocalPart(user)}:{user.Password}")));
        using var other = new HttpClient();
        using var response = await other.SendAsync(request);
        response.IsSuccessStatusCode.ShouldBeTrue($"Radicale answered {response.StatusCode}");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_a_vCard_another_client_puts_into_the_address_book_answers_a_parked_Ping_with_Status_2()
    {
        var (user, phone, folder) = await StartAsync("16.1", "DavPing");
        await ContactsSyncTests.SyncAsync(phone, folder);
        await ContactsSyncTests.SyncAsync(phone, folder);
        var ping = phone.Client.PostAsync("Ping", PingRequests.Ping(120, folder));
        await Task.Delay(1500);
        ping.IsCompleted.ShouldBeFalse("nothing changed since the last sync: the Ping parks");

        await PutAsync(user, "contacts/p1.vcf", ContactsSyncTests.CardOf("p1"));
        var response = (await ping.WaitAsync(TimeSpan.FromSeconds(PimPollSeconds * 4))).Body!;

        response.ValueOf(Ping.Status).ShouldBe("2", "the address book's change token moved (RFC 6578 3.2), found by polling");
        response.Element(Ping.Folders)!.ValueOf(Ping.Folder).ShouldBe(folder);
        var synced = await ContactsSyncTests.SyncAsync(phone, folder);
        SyncingPhone.AddsOf(synced).ShouldHaveSingleItem().Data.ValueOf(Contacts.FirstName).ShouldBe("Ada");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_198_a_Sync_with_Wait_on_the_address_book_answers_with_the_vCard_another_client_put()
    {
        var (user, phone, folder) = await StartAsync("16.1", "DavWait");
        await ContactsSyncTests.SyncAsync(phone, folder);
        await ContactsSyncTests.SyncAsync(phone, folder);
        var request = ContactRequests.Sync(phone.Version, folder, phone.Keys[folder]);
        request.Add(WithText(AirSync.Wait, "2"));
        var waiting = phone.Client.PostAsync("Sync", request);
        await Task.Delay(1500);
        waiting.IsCompleted.ShouldBeFalse("nothing changed since the last sync: the Sync waits (MS-ASCMD 2.2.3.198)");

        await PutAsync(user, "contacts/w1.vcf", ContactsSyncTests.CardOf("w1"));
        var response = (await waiting.WaitAsync(TimeSpan.FromSeconds(PimPollSeconds * 4))).Body!;

        var collection = response.Element(AirSync.Collections)!.Element(AirSync.Collection)!;
        collection.ValueOf(AirSync.Status).ShouldBe("1");
        SyncingPhone.AddsOf(collection).ShouldHaveSingleItem().Data.ValueOf(Contacts.LastName).ShouldBe("Lovelace");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_186_3_the_default_address_book_is_a_type_9_folder_apart_from_the_IMAP_folders()
    {
        var (_, phone, folder) = await StartAsync("16.1", "DavType");
        phone.Folders.Values.ShouldContain(f => f.Type == "2", "the IMAP Inbox is still there (MS-ASCMD 2.2.3.186.3 type 2)");
        phone.Folders.Values.Count(f => f.Id == folder).ShouldBe(1, "the address book's id is no IMAP folder's id");
        var again = await phone.FolderSyncAsync();
        again.ValueOf(FolderHierarchy.Status).ShouldBe("1");
        phone.IdOf(ContactRequests.Folder).ShouldBe(folder, "a collection keeps its folder id");
    }

    [Theory]
    [InlineData("16.1")]
    [InlineData("12.1")]
    public async Task MS_ASCMD_2_2_3_7_2_a_contact_added_on_the_phone_is_a_vCard_in_the_CardDAV_address_book(string version)
    {
        var (user, phone, folder) = await StartAsync(version, "DavAdd" + version.Replace(".", "", StringComparison.Ordinal));
        await ContactsSyncTests.SyncAsync(phone, folder);
        var response = await ContactsSyncTests.SyncAsync(phone, folder, [ContactRequests.Add("c1",
            WithText(Contacts.FirstName, "Grace"), WithText(Contacts.LastName, "Hopper"), WithText(Contacts.Email1Address, "grace@example.com"))]);

        response.ValueOf(AirSync.Status).ShouldBe("1");
        var added = response.Element(AirSync.Responses)!.Element(AirSync.Add)!;
        added.ValueOf(AirSync.Status).ShouldBe("1");
        var serverId = added.ValueOf(AirSync.ServerId).ShouldNotBeNull();
        serverId.ShouldStartWith(folder + ":");

        var book = await GetAsync(user, "contacts/");
        book.ShouldContain("Hopper;Grace");
        book.ShouldContain("grace@example.com");
        var next = await ContactsSyncTests.SyncAsync(phone, folder);
        next.Element(AirSync.Commands).ShouldBeNull("the phone's own Add is never echoed back");
    }
}
