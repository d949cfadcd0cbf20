using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests;

/// <summary>
/// Contacts sync (MS-ASCMD 2.2.1.21 with MS-ASCNTC 3.1.5) end to end over real HTTP: the IMAP store's Contacts folder in
/// Dovecot is read back with MailKit, and written by another IMAP client.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class ContactsSyncTests(DovecotFixture dovecot, DefaultServerFixture shared) : IClassFixture<DefaultServerFixture>
{
    internal static string CardOf(string uid) =>
        "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:" + uid + "\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\nEMAIL:ada@example.com\r\nX-CUSTOM-KEEP:kept\r\nEND:VCARD\r\n";

    // One server for the class: every test signs in with an account of its own.
    private readonly ServerInstance _server = shared.Server;

    private async Task<(MailboxUser User, SyncingPhone Phone, string Contacts)> StartAsync(string version, string device)
    {
        var user = MailboxUser.Create(dovecot, "contacts");
        var phone = await SyncingPhone.StartAsync(_server, user, version, device);
        phone.Folders.ShouldContainKey(ContactRequests.Folder);
        phone.Folders[ContactRequests.Folder].Type.ShouldBe("9", "the default contacts folder is type 9 (MS-ASCMD 2.2.3.186.3)");
        return (user, phone, phone.IdOf(ContactRequests.Folder));
    }

    internal static async Task<WbxmlElement> SyncAsync(SyncingPhone phone, string folder, IEnumerable<WbxmlElement>? commands = null, int? conflict = null, IEnumerable<ushort>? supported = null, string? key = null)
    {
        key ??= phone.Keys.GetValueOrDefault(folder, "0");
        var response = await phone.Client.PostAsync("Sync", ContactRequests.Sync(phone.Version, folder, key, commands, conflict, supported));
        response.Status.ShouldBe(HttpStatusCode.OK);
        var collection = response.Body!.Element(AirSync.Collections)!.Element(AirSync.Collection)!;
        if (collection.ValueOf(AirSync.Status) == "1") phone.Keys[folder] = collection.ValueOf(AirSync.SyncKey)!;
        return collection;
    }

    [Theory]
    [InlineData("16.1")]
    [InlineData("14.1")]
    [InlineData("12.1")]
    [InlineData("2.5")]
    public async Task MS_ASCNTC_3_1_5_a_contact_added_on_the_phone_is_a_vCard_in_the_IMAP_Contacts_folder(string version)
    {
        var (user, phone, folder) = await StartAsync(version, "CAdd" + version.Replace(".", "", StringComparison.Ordinal));
        await SyncAsync(phone, folder);
        var response = await SyncAsync(phone, folder, [ContactRequests.Add("c1",
            WithText(Contacts.FirstName, "Grace"), WithText(Contacts.LastName, "Hopper"), WithText(Contacts.Email1Address, "grace@example.com"))]);

        response.ValueOf(AirSync.Status).ShouldBe("1");
        var added = response.Element(AirSync.Responses)!.Element(AirSync.Add)!;
        added.ValueOf(AirSync.Status).ShouldBe("1");
        added.ValueOf(AirSync.ServerId).ShouldNotBeNull().ShouldStartWith(folder + ":");
        var stored = (await ContactRequests.StoredAsync(user)).ShouldHaveSingleItem();
        stored.VCard.ShouldContain("Hopper;Grace");
        stored.VCard.ShouldContain("grace@example.com");
        stored.VCard.ShouldContain("UID:" + stored.Subject);
        var next = await SyncAsync(phone, folder);
        next.Element(AirSync.Commands).ShouldBeNull("the phone's own Add is never echoed back");
    }

    [Fact]
    public async Task MS_ASCNTC_2_2_2_58_a_picture_over_48_KB_is_status_6_and_nothing_is_stored()
    {
        var (user, phone, folder) = await StartAsync("16.1", "CPic");
        await SyncAsync(phone, folder);
        var tooBig = Convert.ToBase64String(new byte[40 * 1024]);
        var response = await SyncAsync(phone, folder, [ContactRequests.Add("big",
            WithText(Contacts.LastName, "Big"), WithText(Contacts.Picture, tooBig))]);

        tooBig.Length.ShouldBeGreaterThan(48 * 1024);
        response.Element(AirSync.Responses)!.Element(AirSync.Add)!.ValueOf(AirSync.Status).ShouldBe("6");
        (await ContactRequests.StoredAsync(user)).ShouldBeEmpty();
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_21_a_contact_appended_by_another_client_reaches_Sync_as_an_Add_and_its_removal_as_a_Delete()
    {
        var (user, phone, folder) = await StartAsync("16.1", "CStore");
        await SyncAsync(phone, folder);
        var uid = await ContactRequests.AppendAsync(user, CardOf("u1"), "u1");

        var response = await SyncAsync(phone, folder);
        var (serverId, data) = SyncingPhone.AddsOf(response).ShouldHaveSingleItem();
        data.ValueOf(Contacts.FirstName).ShouldBe("Ada");
        data.ValueOf(Contacts.LastName).ShouldBe("Lovelace");
        data.ValueOf(Contacts.Email1Address).ShouldNotBeNull().ShouldContain("ada@example.com");

        await ContactRequests.DeleteStoredAsync(user, uid);
        var deleted = await SyncAsync(phone, folder);
        SyncingPhone.CommandsOf(deleted, AirSync.Delete).ShouldHaveSingleItem().ValueOf(AirSync.ServerId).ShouldBe(serverId);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_179_a_Change_keeps_ghosted_properties_and_unknown_vCard_properties()
    {
        var (user, phone, folder) = await StartAsync("14.1", "CGhost");
        await ContactRequests.AppendAsync(user, CardOf("g1"), "g1");
        await SyncAsync(phone, folder, supported: [Contacts.FirstName, Contacts.LastName]);
        var serverId = SyncingPhone.AddsOf(await SyncAsync(phone, folder)).ShouldHaveSingleItem().ServerId;

        var changed = await SyncAsync(phone, folder, [ContactRequests.Change(serverId, WithText(Contacts.FirstName, "Augusta"), WithText(Contacts.LastName, "Lovelace"))]);

        changed.ValueOf(AirSync.Status).ShouldBe("1");
        changed.Element(AirSync.Responses).ShouldBeNull("a Change that succeeded has no Responses entry");
        var stored = (await ContactRequests.StoredAsync(user)).ShouldHaveSingleItem();
        stored.VCard.ShouldContain("Augusta");
        stored.VCard.ShouldContain("ada@example.com", customMessage: "Email1Address was not in Supported: ghosted, kept");
        stored.VCard.ShouldContain("X-CUSTOM-KEEP:kept");
        (await SyncAsync(phone, folder)).Element(AirSync.Commands).ShouldBeNull("the phone's own Change is never echoed back");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_42_2_a_Delete_from_the_phone_removes_the_vCard()
    {
        var (user, phone, folder) = await StartAsync("16.1", "CDel");
        await ContactRequests.AppendAsync(user, CardOf("d1"), "d1");
        await SyncAsync(phone, folder);
        var serverId = SyncingPhone.AddsOf(await SyncAsync(phone, folder)).ShouldHaveSingleItem().ServerId;

        var response = await SyncAsync(phone, folder, [ContactRequests.Delete(serverId)]);

        response.ValueOf(AirSync.Status).ShouldBe("1");
        (await ContactRequests.StoredAsync(user)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1, "7")]
    [InlineData(0, null)]
    public async Task MS_ASCMD_2_2_3_34_a_conflict_is_resolved_by_the_Conflict_option(int conflict, string? status)
    {
        var (user, phone, folder) = await StartAsync("14.1", "CConf" + conflict);
        await ContactRequests.AppendAsync(user, CardOf("k1"), "k1");
        await SyncAsync(phone, folder);
        var serverId = SyncingPhone.AddsOf(await SyncAsync(phone, folder)).ShouldHaveSingleItem().ServerId;
        await ContactRequests.DeleteStoredAsync(user, "k1");
        await ContactRequests.AppendAsync(user, CardOf("k1").Replace("Ada Lovelace", "Server Side", StringComparison.Ordinal).Replace("Lovelace;Ada", "Side;Server", StringComparison.Ordinal), "k1");

        var response = await SyncAsync(phone, folder, [ContactRequests.Change(serverId, WithText(Contacts.FirstName, "Client"), WithText(Contacts.LastName, "Side"))], conflict);

        response.Element(AirSync.Responses)?.Element(AirSync.Change)?.ValueOf(AirSync.Status).ShouldBe(status);
        var stored = (await ContactRequests.StoredAsync(user)).ShouldHaveSingleItem();
        if (conflict == 1)
        {
            stored.VCard.ShouldContain("Side;Server");
            SyncingPhone.CommandsOf(response, AirSync.Change).ShouldHaveSingleItem().Element(AirSync.ApplicationData)!.ValueOf(Contacts.FirstName).ShouldBe("Server");
        }
        else
        {
            stored.VCard.ShouldContain("Side;Client");
        }
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_166_4_a_resent_key_after_a_lost_response_gets_the_lost_items_again()
    {
        var (user, phone, folder) = await StartAsync("16.1", "CResend");
        await SyncAsync(phone, folder);
        var sent = phone.Keys[folder];
        await ContactRequests.AppendAsync(user, CardOf("r1"), "r1");
        var lost = await SyncAsync(phone, folder);
        var lostKey = lost.ValueOf(AirSync.SyncKey);
        SyncingPhone.AddsOf(lost).ShouldHaveSingleItem();

        var again = await SyncAsync(phone, folder, key: sent);

        again.ValueOf(AirSync.Status).ShouldBe("1");
        SyncingPhone.AddsOf(again).ShouldHaveSingleItem().Data.ValueOf(Contacts.FirstName).ShouldBe("Ada");
        again.ValueOf(AirSync.SyncKey).ShouldNotBe(lostKey);
        (await SyncAsync(phone, folder, key: lostKey)).ValueOf(AirSync.Status).ShouldBe("3", "the lost response's key stays unknown");
    }

    [Fact]
    public async Task MS_ASCMD_3_1_5_9_a_resent_Add_is_answered_with_the_same_ServerId_and_stored_once()
    {
        var (user, phone, folder) = await StartAsync("16.1", "CAddResend");
        await SyncAsync(phone, folder);
        var sent = phone.Keys[folder];
        var add = ContactRequests.Add("c1", WithText(Contacts.FirstName, "Grace"), WithText(Contacts.LastName, "Hopper"));
        var lost = (await SyncAsync(phone, folder, [add])).Element(AirSync.Responses)!.Element(AirSync.Add)!.ValueOf(AirSync.ServerId);

        var again = await SyncAsync(phone, folder, [add], key: sent);

        again.ValueOf(AirSync.Status).ShouldBe("1");
        again.Element(AirSync.Responses)!.Element(AirSync.Add)!.ValueOf(AirSync.ServerId).ShouldNotBeNull().ShouldBe(lost);
        again.Element(AirSync.Commands).ShouldBeNull("the phone's own contact is not sent back to it");
        (await ContactRequests.StoredAsync(user)).ShouldHaveSingleItem().VCard.ShouldContain("Hopper;Grace");
    }

    [Fact]
    public async Task An_unreadable_vCard_in_the_folder_is_skipped_and_the_others_sync()
    {
        var (user, phone, folder) = await StartAsync("16.1", "CBad");
        await ContactRequests.AppendAsync(user, "this is not a vcard at all", "bad1");
        await ContactRequests.AppendAsync(user, CardOf("ok1"), "ok1");
        await SyncAsync(phone, folder);

        var response = await SyncAsync(phone, folder);

        response.ValueOf(AirSync.Status).ShouldBe("1");
        SyncingPhone.AddsOf(response).ShouldHaveSingleItem().Data.ValueOf(Contacts.FirstName).ShouldBe("Ada");
        (await SyncAsync(phone, folder)).Element(AirSync.Commands).ShouldBeNull();
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_166_4_an_unknown_key_is_status_3()
    {
        var (_, phone, folder) = await StartAsync("16.1", "CKey");
        (await SyncAsync(phone, folder, key: "nonsense-7")).ValueOf(AirSync.Status).ShouldBe("3");
    }
}
