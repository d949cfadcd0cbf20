using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests;

/// <summary>
/// A PIM store that is down costs its collections a retriable status and nothing else (issue 15, "Bad input"): the
/// IMAP store's Contacts folder is made unreadable in Dovecot's maildir while the mailbox itself keeps working.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ContactsOutageTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>The maildir of the user's Contacts folder in the fixture's Dovecot.</summary>
    private string ContactsMaildir(MailboxUser user)
    {
        var root = Path.Combine(dovecot.Dovecot.DataDirectory, "mail");
        return Directory.GetDirectories(root, "*Contacts", SearchOption.AllDirectories)
            .Single(d => d.Contains(user.Address.Split('@')[0], StringComparison.Ordinal) && Path.GetFileName(d) is ".Contacts" or "Contacts");
    }

    private static WbxmlElement CollectionOf(WbxmlElement sync) => sync.Element(AirSync.Collections)!.Element(AirSync.Collection)!;

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_17_a_contacts_store_that_is_down_is_Status_16_for_its_collection_only_and_nothing_is_reset()
    {
        var user = MailboxUser.Create(dovecot, "coutage");
        await user.DeliverAsync(1);
        var phone = await SyncingPhone.StartAsync(_server, user, "16.1", "CoDown");
        await ContactRequests.AppendAsync(user, ContactsSyncTests.CardOf("o1"), "o1");
        var inbox = phone.IdOf("INBOX");
        var contacts = phone.IdOf(ContactRequests.Folder);
        await phone.SyncAsync(inbox);
        await phone.SyncAsync(inbox);
        await ContactsSyncTests.SyncAsync(phone, contacts);
        var contactsKey = phone.Keys[contacts];
        await user.DeliverAsync(2);
        var maildir = ContactsMaildir(user);
        var mode = File.GetUnixFileMode(maildir);

        File.SetUnixFileMode(maildir, UnixFileMode.None);
        WbxmlElement mail, pim, folders;
        try
        {
            var both = WithChildren(AirSync.Sync, WithChildren(AirSync.Collections,
                CollectionOf(MailRequests.Sync("16.1", inbox, phone.Keys[inbox])), CollectionOf(ContactRequests.Sync("16.1", contacts, contactsKey))));
            var response = await phone.Client.PostAsync("Sync", both);
            response.Status.ShouldBe(HttpStatusCode.OK, "a store that is down costs its collection a status, not the request");
            var answered = response.Body!.Element(AirSync.Collections)!.Elements(AirSync.Collection).ToList();
            mail = answered.Single(c => c.ValueOf(AirSync.CollectionId) == inbox);
            pim = answered.Single(c => c.ValueOf(AirSync.CollectionId) == contacts);
            folders = await phone.FolderSyncAsync();
        }
        finally
        {
            File.SetUnixFileMode(maildir, mode);
        }

        mail.ValueOf(AirSync.Status).ShouldBe("1");
        SyncingPhone.AddsOf(mail).ShouldHaveSingleItem("email keeps working while the contacts store is down");
        pim.ValueOf(AirSync.Status).ShouldBe("16", "Status 16 (server error, retry) for the contacts collection only");
        folders.ValueOf(FolderHierarchy.Status).ShouldBe("1");
        folders.Element(FolderHierarchy.Changes)!.Elements(FolderHierarchy.Delete).ShouldBeEmpty("the contacts folders stay while the store is down");
        phone.Folders.ShouldContainKey(ContactRequests.Folder);
        var back = await ContactsSyncTests.SyncAsync(phone, contacts, key: contactsKey);
        back.ValueOf(AirSync.Status).ShouldBe("1", "the phone's key still holds once the store is back");
        SyncingPhone.AddsOf(back).ShouldHaveSingleItem().Data.ValueOf(Contacts.LastName).ShouldBe("Lovelace");
    }
}
