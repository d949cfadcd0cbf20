using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests;

/// <summary>
/// Notes (MS-ASNOTE, 14.0+) over real HTTP against Dovecot with the real notes codec: VJOURNALs in the IMAP store's
/// Notes folder. The field mapping is unit-tested (Eas.Actors.Tests Sync/Notes); these prove the wiring.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class NotesSyncTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MS_ASNOTE_2_2_2_a_note_from_one_phone_is_a_VJOURNAL_in_the_store_and_reaches_another_phone()
    {
        var user = MailboxUser.Create(dovecot, "notes");
        var writer = await SyncingPhone.StartAsync(_server, user, "16.1", "NoteWriter");
        var notes = writer.IdOf("Notes");
        (await PimRequests.SyncAsync(writer, notes)).ValueOf(AirSync.Status).ShouldBe("1");

        var added = await PimRequests.SyncAsync(writer, notes, [ContactRequests.Add("n1",
            WithText(Notes.Subject, "Door code"),
            WithChildren(AirSyncBase.Body, WithText(AirSyncBase.Type, "1"), WithText(AirSyncBase.Data, "4711 then #")),
            WithText(Notes.MessageClass, "IPM.StickyNote"),
            WithChildren(Notes.Categories, WithText(Notes.Category, "Home")))]);

        added.Element(AirSync.Responses)!.Element(AirSync.Add)!.ValueOf(AirSync.Status).ShouldBe("1");
        var stored = (await PimRequests.StoredAsync(user, "Notes")).ShouldHaveSingleItem().Text;
        stored.ShouldContain("BEGIN:VJOURNAL");
        stored.ShouldContain("SUMMARY:Door code");
        stored.ShouldContain("DESCRIPTION:4711 then #");

        var reader = await SyncingPhone.StartAsync(_server, user, "14.0", "NoteReader");
        (await PimRequests.SyncAsync(reader, reader.IdOf("Notes"))).ValueOf(AirSync.Status).ShouldBe("1");
        var (_, data) = SyncingPhone.AddsOf(await PimRequests.SyncAsync(reader, reader.IdOf("Notes"))).ShouldHaveSingleItem();
        data.ValueOf(Notes.Subject).ShouldBe("Door code");
        data.Element(AirSyncBase.Body)!.ValueOf(AirSyncBase.Data).ShouldBe("4711 then #");
        data.Element(Notes.Categories)!.ValueOf(Notes.Category).ShouldBe("Home");
        data.ValueOf(Notes.MessageClass).ShouldBe("IPM.StickyNote");
    }

    [Fact]
    public async Task MS_ASNOTE_2_2_2_a_12_1_phone_sees_no_Notes_folder_but_its_Tasks_folder()
    {
        var user = MailboxUser.Create(dovecot, "notes");
        var phone = new SyncingPhone(_server.Phone(user.Address, user.Password, "OldPhone", "12.1"));
        await phone.Client.ProvisionAsync();

        var hierarchy = await phone.FolderSyncAsync();

        var types = hierarchy.Element(FolderHierarchy.Changes)!.Elements(FolderHierarchy.Add).Select(a => a.ValueOf(FolderHierarchy.Type)).ToList();
        types.ShouldContain("7");
        types.ShouldNotContain("10");
        phone.Folders.ContainsKey("Notes").ShouldBeFalse();
    }
}
