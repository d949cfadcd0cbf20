using System.Collections.Immutable;
using Eas.Actors.Sync.Contacts;
using Eas.Wire.CodePages;
using static Eas.Actors.Tests.Contacts.ContactTestData;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Tests.Contacts;

/// <summary>A phone's Sync Change applied to the stored contact: MS-ASCMD 2.2.3.179 (Supported) and 2.2.3.24 (Change).</summary>
public sealed class ContactGhostingTests
{
    private static readonly ContactItem Stored = Item(
        (ContactsPage.FirstName, "Anna"), (ContactsPage.LastName, "Berg"), (ContactsPage.JobTitle, "Engineer"),
        (ContactsPage.OfficeLocation, "B4"), (Contacts2.NickName, "Annie"), (ContactsPage.Alias, "aberg")) with
    {
        Categories = ["Work"],
        Children = ["Clara"],
        Body = "notes",
        Picture = PngPicture,
    };

    private static ContactUpdate Change(ContactItem item, params ushort[] present) => new(item, present.ToHashSet());

    [Fact]
    public void MS_ASCMD_2_2_3_179_rule_1_without_Supported_elements_not_sent_are_deleted()
    {
        var change = Change(Item((ContactsPage.FirstName, "Anne")), ContactsPage.FirstName);
        var result = ContactGhosting.Apply(Stored, change, supported: null);
        result[ContactsPage.FirstName].ShouldBe("Anne");
        result[ContactsPage.LastName].ShouldBeNull();
        result[ContactsPage.JobTitle].ShouldBeNull();
        result[Contacts2.NickName].ShouldBeNull();
        result.Categories.ShouldBeEmpty();
        result.Children.ShouldBeEmpty();
    }

    [Fact]
    public void MS_ASCMD_2_2_3_179_rule_2_only_the_elements_Supported_names_are_deleted_when_not_sent()
    {
        var supported = new HashSet<ushort> { ContactsPage.JobTitle, ContactsPage.FirstName, ContactsPage.Children };
        var change = Change(Item((ContactsPage.FirstName, "Anne")), ContactsPage.FirstName);
        var result = ContactGhosting.Apply(Stored, change, supported);
        result[ContactsPage.FirstName].ShouldBe("Anne");
        result[ContactsPage.JobTitle].ShouldBeNull();
        result.Children.ShouldBeEmpty();
        result[ContactsPage.LastName].ShouldBe("Berg");
        result[ContactsPage.OfficeLocation].ShouldBe("B4");
        result.Categories.ShouldBe(["Work"]);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_179_rule_3_an_empty_Supported_ghosts_every_element()
    {
        var change = Change(Item((ContactsPage.JobTitle, "CTO")), ContactsPage.JobTitle);
        var result = ContactGhosting.Apply(Stored, change, new HashSet<ushort>());
        result.ShouldBe(Stored.With(ContactsPage.JobTitle, "CTO"));
    }

    [Fact]
    public void MS_ASCMD_2_2_3_24_an_element_sent_empty_clears_the_value_even_when_ghosted()
    {
        var change = Change(ContactItem.Empty with { Categories = [] }, ContactsPage.JobTitle, ContactsPage.Categories, ContactsPage.Picture, AirSyncBase.Body);
        var result = ContactGhosting.Apply(Stored, change, new HashSet<ushort>());
        result[ContactsPage.JobTitle].ShouldBeNull();
        result.Categories.ShouldBeEmpty();
        result.Picture.ShouldBeNull();
        result.Body.ShouldBeNull();
        result[ContactsPage.LastName].ShouldBe("Berg");
    }

    [Fact]
    public void Notes_picture_and_the_server_only_Alias_are_kept_when_not_sent_even_without_Supported()
    {
        var result = ContactGhosting.Apply(Stored, Change(ContactItem.Empty), supported: null);
        result.Body.ShouldBe("notes");
        result.Picture.ShouldBe(PngPicture);
        result[ContactsPage.Alias].ShouldBe("aberg");
        result.Fields.Count.ShouldBe(1);
    }

    [Fact]
    public void The_2_5_body_counts_as_sent_by_its_Contacts_tag()
    {
        var result = ContactGhosting.Apply(Stored, Change(ContactItem.Empty with { Body = "new" }, ContactsPage.Body), null);
        result.Body.ShouldBe("new");
        ImmutableArray<string> none = [];
        result.Children.ShouldBe(none);
    }
}
