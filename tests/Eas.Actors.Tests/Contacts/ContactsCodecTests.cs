using Eas.Actors.Sync.Contacts;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.CodePages;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Tests.Contacts;

/// <summary>Contacts through the PIM codec port (<see cref="IPimItemCodec"/>): the engine's only view of a contact.</summary>
public sealed class ContactsCodecTests
{
    private static readonly PimCodecContext Context = new(ProtocolVersion.V161, new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));

    private static readonly ContactsCodec Codec = new();

    private static WbxmlElement Data(params (ushort Tag, string Value)[] fields)
    {
        var data = new WbxmlElement(AirSync.ApplicationData);
        foreach (var (tag, value) in fields) data.Add(WbxmlElement.WithText(tag, value));
        return data;
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_an_added_contact_is_stored_as_a_vCard_under_the_new_id_and_built_back()
    {
        var write = Codec.Create("uid-1", Data((ContactsPage.FirstName, "Lan"), (ContactsPage.LastName, "Nguyen")), Context);

        write.ItemId.ShouldBe("uid-1");
        write.Content.ShouldContain("UID:uid-1");
        var built = Codec.Build(write.Content, Context);
        built.ValueOf(ContactsPage.FirstName).ShouldBe("Lan");
        built.ValueOf(ContactsPage.LastName).ShouldBe("Nguyen");
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_58_a_Picture_over_48_KB_of_base64_is_refused_on_Add_and_Change()
    {
        var picture = new string('A', ContactPicture.MaxWireLength + 4);
        var stored = Codec.Create("uid-2", Data((ContactsPage.FirstName, "Lan")), Context).Content;

        Should.Throw<PimItemRejectedException>(() => Codec.Create("uid-2", Data((ContactsPage.Picture, picture)), Context)).ItemId.ShouldBe("uid-2");
        Should.Throw<PimItemRejectedException>(() => Codec.Change("uid-2", stored, Data((ContactsPage.Picture, picture)), Context));
    }

    [Fact]
    public void MS_ASCMD_2_2_3_179_a_change_keeps_the_properties_outside_the_Supported_list_and_the_unmapped_vCard_properties()
    {
        var stored = "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:uid-3\r\nFN:Lan Nguyen\r\nN:Nguyen;Lan;;;\r\nTITLE:Engineer\r\nX-KEPT:yes\r\nEND:VCARD\r\n";
        var ghosting = Context with { Supported = new HashSet<ushort> { ContactsPage.FirstName, ContactsPage.LastName } };

        var write = Codec.Change("uid-3", stored, Data((ContactsPage.FirstName, "Linh")), ghosting);
        var withoutList = Codec.Change("uid-3", stored, Data((ContactsPage.FirstName, "Linh")), Context);

        write.ItemId.ShouldBe("uid-3");
        write.Content.ShouldContain("X-KEPT:yes");
        write.Content.ShouldContain("UID:uid-3");
        var built = Codec.Build(write.Content, Context);
        (built.ValueOf(ContactsPage.FirstName), built.ValueOf(ContactsPage.LastName), built.ValueOf(ContactsPage.JobTitle)).ShouldBe(("Linh", null, "Engineer"));
        Codec.Build(withoutList.Content, Context).ValueOf(ContactsPage.JobTitle).ShouldBeNull("without a Supported list what the phone leaves out is deleted");
    }

    [Fact]
    public void A_vCard_that_cannot_be_read_is_a_content_error_and_a_change_to_it_starts_from_an_empty_contact()
    {
        Should.Throw<PimContentException>(() => Codec.Build("not a vcard", Context));

        var write = Codec.Change("uid-4", "not a vcard", Data((ContactsPage.FirstName, "Lan")), Context);

        Codec.Build(write.Content, Context).ValueOf(ContactsPage.FirstName).ShouldBe("Lan");
    }

    [Theory]
    [InlineData(SyncFilterType.NoFilter)]
    [InlineData(SyncFilterType.OneDay)]
    [InlineData(SyncFilterType.SixMonths)]
    [InlineData(SyncFilterType.IncompleteTasks)]
    public void MS_ASCMD_2_2_3_68_contacts_have_no_window_and_no_occurrences(SyncFilterType filter)
    {
        var stored = Codec.Create("uid-5", Data((ContactsPage.FirstName, "Lan")), Context).Content;

        Codec.InWindow(stored, filter, Context.Now).ShouldBeTrue();
        Codec.RemoveInstance("uid-5", stored, "2026-12-09T10:00:00.000Z", Context).ShouldBeNull();
        (Codec.Kind, Codec.ClassName).ShouldBe((PimKind.Contacts, "Contacts"));
    }
}
