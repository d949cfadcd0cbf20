using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests;

/// <summary>
/// The phone's writes to a CardDAV address book through the server: Change keeps what the phone never saw, Delete
/// removes the resource, a conflict found by the ETag follows the Conflict option, an outage of the CardDAV server is a
/// retriable status that keeps the phone's key, and a per-domain store choice sends one domain's contacts to CardDAV.
/// </summary>
public sealed partial class CardDavContactsTests
{
    [Fact]
    public async Task MS_ASCMD_2_2_3_24_a_contact_changed_on_the_phone_is_rewritten_in_the_address_book_keeping_what_the_phone_never_saw()
    {
        var (user, phone, folder) = await StartAsync("16.1", "DavChange");
        await PutAsync(user, "contacts/ch1.vcf", ContactsSyncTests.CardOf("ch1"));
        await ContactsSyncTests.SyncAsync(phone, folder);
        var serverId = SyncingPhone.AddsOf(await ContactsSyncTests.SyncAsync(phone, folder)).ShouldHaveSingleItem().ServerId;

        var response = await ContactsSyncTests.SyncAsync(phone, folder, [ContactRequests.Change(serverId,
            WithText(Contacts.FirstName, "Augusta"), WithText(Contacts.LastName, "King"), WithText(Contacts.Email1Address, "ada@example.com"))]);

        response.ValueOf(AirSync.Status).ShouldBe("1");
        response.Element(AirSync.Responses).ShouldBeNull("a Change that succeeds has no per-item response (MS-ASCMD 2.2.3.24)");
        var stored = await GetAsync(user, "contacts/ch1.vcf");
        stored.ShouldContain("King;Augusta");
        stored.ShouldContain("X-CUSTOM-KEEP:kept", Case.Sensitive, "a property the phone never saw survives its Change");
        stored.ShouldContain("UID:ch1");
        (await ContactsSyncTests.SyncAsync(phone, folder)).Element(AirSync.Commands).ShouldBeNull("the phone's own Change is not echoed back");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_42_2_a_contact_deleted_on_the_phone_leaves_the_address_book()
    {
        var (user, phone, folder) = await StartAsync("14.1", "DavDelete");
        await PutAsync(user, "contacts/d1.vcf", ContactsSyncTests.CardOf("d1"));
        await ContactsSyncTests.SyncAsync(phone, folder);
        var serverId = SyncingPhone.AddsOf(await ContactsSyncTests.SyncAsync(phone, folder)).ShouldHaveSingleItem().ServerId;

        var response = await ContactsSyncTests.SyncAsync(phone, folder, [ContactRequests.Delete(serverId)]);

        response.ValueOf(AirSync.Status).ShouldBe("1");
        (await StatusOfAsync(user, "contacts/d1.vcf")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(1, "7")]
    [InlineData(0, null)]
    public async Task MS_ASCMD_2_2_3_34_a_contact_another_client_changed_is_a_conflict_decided_by_the_Conflict_option(int conflict, string? status)
    {
        var (user, phone, folder) = await StartAsync("14.1", "DavConflict" + conflict);
        await PutAsync(user, "contacts/k1.vcf", ContactsSyncTests.CardOf("k1"));
        await ContactsSyncTests.SyncAsync(phone, folder);
        var serverId = SyncingPhone.AddsOf(await ContactsSyncTests.SyncAsync(phone, folder)).ShouldHaveSingleItem().ServerId;
        await PutAsync(user, "contacts/k1.vcf", ContactsSyncTests.CardOf("k1")
            .Replace("Ada Lovelace", "Server Side", StringComparison.Ordinal).Replace("Lovelace;Ada", "Side;Server", StringComparison.Ordinal));

        var response = await ContactsSyncTests.SyncAsync(phone, folder,
            [ContactRequests.Change(serverId, WithText(Contacts.FirstName, "Client"), WithText(Contacts.LastName, "Side"))], conflict);

        response.Element(AirSync.Responses)?.Element(AirSync.Change)?.ValueOf(AirSync.Status).ShouldBe(status);
        var stored = await GetAsync(user, "contacts/k1.vcf");
        if (conflict == 1)
        {
            stored.ShouldContain("Side;Server", Case.Sensitive, "server wins: the other client's version stays (its ETag no longer matched)");
            SyncingPhone.CommandsOf(response, AirSync.Change).ShouldHaveSingleItem().Element(AirSync.ApplicationData)!.ValueOf(Contacts.FirstName).ShouldBe("Server");
        }
        else
        {
            stored.ShouldContain("Side;Client", Case.Sensitive, "client wins: the phone's version is written over the other client's");
        }
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_17_with_the_CardDAV_server_down_the_address_book_answers_Status_16_and_keeps_the_phones_key()
    {
        var (user, phone, folder) = await StartAsync("16.1", "DavDown");
        await PutAsync(user, "contacts/o1.vcf", ContactsSyncTests.CardOf("o1"));
        await ContactsSyncTests.SyncAsync(phone, folder);
        var key = phone.Keys[folder];
        await _dav.WhileRadicaleDownAsync(async () =>
        {
            var down = await ContactsSyncTests.SyncAsync(phone, folder);
            down.ValueOf(AirSync.Status).ShouldBe("16", "Retry (MS-ASCMD 2.2.3.177.17): a store outage is retriable");
            down.ValueOf(AirSync.SyncKey).ShouldBe(key, "the phone's key is kept, never reset");
        });

        var back = await ContactsSyncTests.SyncAsync(phone, folder, key: key);
        back.ValueOf(AirSync.Status).ShouldBe("1");
        SyncingPhone.AddsOf(back).ShouldHaveSingleItem().Data.ValueOf(Contacts.LastName).ShouldBe("Lovelace", "nothing was lost: the contact arrives once the store is back");
    }

    [Fact]
    public async Task A_per_domain_store_choice_sends_that_domains_contacts_to_CardDAV_while_the_default_stays_IMAP()
    {
        await using var server = await ServerInstance.StartAsync(dovecot, null, [.. AdminClient.RootArgs,
            "--Eas:Pim:Store=imap",
            $"--Eas:Pim:Domains:{DovecotFixture.Domain}:Store=carddav",
            $"--Eas:Pim:CardDav:UrlTemplate=http://127.0.0.1:{_dav.Radicale.Port}/{{user}}/"]);
        var user = MailboxUser.Create(dovecot, "davdomain");
        _dav.Radicale.AddUser(LocalPart(user), user.Password);
        (await server.Admin().GetAsync($"/accounts/{user.Address}"))["pimStore"]!.GetValue<string>().ShouldBe("carddav");
        var phone = await SyncingPhone.StartAsync(server, user, "16.1", "DavDomain");
        var folder = phone.IdOf(ContactRequests.Folder);
        await ContactsSyncTests.SyncAsync(phone, folder);

        await ContactsSyncTests.SyncAsync(phone, folder, [ContactRequests.Add("c1", WithText(Contacts.FirstName, "Domain"), WithText(Contacts.LastName, "Choice"))]);

        (await GetAsync(user, "contacts/")).ShouldContain("Choice;Domain");
        (await StoredInImapAsync(user)).ShouldBeEmpty("the domain's contacts are not in the IMAP Contacts folder");
    }

    /// <summary>What the IMAP Contacts folder holds; nothing when the folder does not exist.</summary>
    private static async Task<List<(string Subject, string VCard)>> StoredInImapAsync(MailboxUser user)
    {
        try
        {
            return await ContactRequests.StoredAsync(user);
        }
        catch (MailKit.FolderNotFoundException)
        {
            return [];
        }
    }

    private async Task<HttpStatusCode> StatusOfAsync(MailboxUser user, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_dav.Radicale.HomeUrl(LocalPart(user)), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LocalPart(user)}:{user.Password}")));
        using var other = new HttpClient();
        using var response = await other.SendAsync(request);
        return response.StatusCode;
    }
}
