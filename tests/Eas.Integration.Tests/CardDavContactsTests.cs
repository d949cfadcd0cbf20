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
public sealed class CardDavContactsTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;
    private RadicaleInstance _radicale = null!;
    private string _radicaleData = null!;

    public async Task InitializeAsync()
    {
        _radicaleData = Directory.CreateTempSubdirectory("eas-it-radicale-").FullName;
        _radicale = await RadicaleInstance.StartAsync(new RadicaleOptions { DataDirectory = _radicaleData });
        _server = await ServerInstance.StartAsync(dovecot, null,
            "--Eas:Pim:Store=carddav",
            $"--Eas:Pim:CardDav:UrlTemplate=http://127.0.0.1:{_radicale.Port}/{{user}}/",
            "--Eas:Pim:CardDav:TimeoutSeconds=5");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _radicale.DisposeAsync();
        Directory.Delete(_radicaleData, recursive: true);
    }

    /// <summary>The Radicale user: the IMAP login, as the server sends it (HTTP Basic) and as <c>{user}</c> expands.</summary>
    private static string LocalPart(MailboxUser user) => user.Address;

    private async Task<(MailboxUser User, SyncingPhone Phone, string Folder)> StartAsync(string version, string device)
    {
        var user = MailboxUser.Create(dovecot, "dav");
        _radicale.AddUser(LocalPart(user), user.Password);
        var phone = await SyncingPhone.StartAsync(_server, user, version, device);
        phone.Folders.ShouldContainKey(ContactRequests.Folder);
        phone.Folders[ContactRequests.Folder].Type.ShouldBe("9", "the default address book is the default contacts folder (MS-ASCMD 2.2.3.186.3)");
        return (user, phone, phone.IdOf(ContactRequests.Folder));
    }

    private async Task<string> GetAsync(MailboxUser user, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_radicale.HomeUrl(LocalPart(user)), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LocalPart(user)}:{user.Password}")));
        using var other = new HttpClient();
        using var response = await other.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
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
