using Eas.Actors.Accounts;
using Eas.Actors.Sync.Contacts;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.Commands.FolderSync;

namespace Eas.Actors.Tests.Sync.Pim;

/// <summary>The registry of served PIM classes and the FolderSync types of their folders (MS-ASCMD 2.2.3.186.3).</summary>
public sealed class PimCodecsTests
{
    [Fact]
    public void The_default_registry_serves_contacts_by_kind_and_by_class_name()
    {
        var codecs = PimCodecs.Default;

        codecs.For(PimKind.Contacts).ShouldBeOfType<ContactsCodec>();
        codecs.ForClass("Contacts").ShouldBeSameAs(codecs.For(PimKind.Contacts));
        codecs.Serves(PimKind.Contacts).ShouldBeTrue();
        codecs.ForClass("contacts").ShouldBeNull("airsync:Class names compare exactly");
        codecs.ForClass(null).ShouldBeNull();
    }

    [Fact]
    public void A_kind_without_a_codec_is_not_served()
    {
        var codecs = new PimCodecs([new ContactsCodec(), new StandInCodec(PimKind.Notes, "Notes")]);

        codecs.Kinds.ShouldBe([PimKind.Contacts, PimKind.Notes]);
        codecs.Serves(PimKind.Calendar).ShouldBeFalse();
        codecs.For(PimKind.Calendar).ShouldBeNull();
        codecs.ForClass("Notes")!.Kind.ShouldBe(PimKind.Notes);
        PimCodecs.None.Kinds.ShouldBeEmpty();
    }

    [Fact]
    public void Two_codecs_for_one_kind_are_refused()
    {
        Should.Throw<ArgumentException>(() => new PimCodecs([new ContactsCodec(), new StandInCodec(PimKind.Contacts, "Other")]));
        Should.Throw<ArgumentException>(() => new PimCodecs([new StandInCodec(PimKind.Tasks, "Tasks"), new StandInCodec(PimKind.Notes, "Tasks")]));
    }

    [Theory]
    [InlineData(PimKind.Contacts, true, FolderType.DefaultContacts, 9)]
    [InlineData(PimKind.Contacts, false, FolderType.UserCreatedContacts, 14)]
    [InlineData(PimKind.Calendar, true, FolderType.DefaultCalendar, 8)]
    [InlineData(PimKind.Calendar, false, FolderType.UserCreatedCalendar, 13)]
    [InlineData(PimKind.Tasks, true, FolderType.DefaultTasks, 7)]
    [InlineData(PimKind.Tasks, false, FolderType.UserCreatedTasks, 15)]
    [InlineData(PimKind.Notes, true, FolderType.DefaultNotes, 10)]
    [InlineData(PimKind.Notes, false, FolderType.UserCreatedNotes, 17)]
    public void MS_ASCMD_2_2_3_186_3_each_kind_has_its_default_and_user_created_folder_type(PimKind kind, bool isDefault, FolderType type, int number)
    {
        PimFolderTypes.Of(kind, isDefault).ShouldBe(type);
        ((int)type).ShouldBe(number);
        PimFolderTypes.KindOf(type).ShouldBe(kind);
        PimFolderTypes.KindCreatedBy(type).ShouldBe(isDefault ? null : kind);
    }

    [Theory]
    [InlineData(FolderType.DefaultInbox)]
    [InlineData(FolderType.UserCreatedMail)]
    [InlineData(FolderType.DefaultJournal)]
    [InlineData(FolderType.UserCreatedJournal)]
    [InlineData(FolderType.RecipientInformationCache)]
    public void MS_ASCMD_2_2_3_186_3_mail_and_journal_types_are_no_PIM_kind(FolderType type) =>
        PimFolderTypes.KindOf(type).ShouldBeNull();

    [Theory]
    [InlineData(PimKind.Contacts, DataClass.Contacts)]
    [InlineData(PimKind.Calendar, DataClass.Pim)]
    [InlineData(PimKind.Tasks, DataClass.Pim)]
    [InlineData(PimKind.Notes, DataClass.Pim)]
    public void Each_kind_is_switched_by_the_data_class_its_folder_types_belong_to(PimKind kind, DataClass dataClass)
    {
        PimFolderTypes.DataClassOf(kind).ShouldBe(dataClass);
        DataClasses.Of(PimFolderTypes.Of(kind, isDefault: true)).ShouldBe(dataClass);
        DataClasses.Of(PimFolderTypes.Of(kind, isDefault: false)).ShouldBe(dataClass);
    }
}
