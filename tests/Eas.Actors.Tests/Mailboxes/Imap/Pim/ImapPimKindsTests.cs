using Eas.Actors.Mailboxes.Imap.Pim;
using Eas.Actors.Mailboxes.Pim;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using System.Collections.Immutable;

namespace Eas.Actors.Tests.Mailboxes.Imap.Pim;

/// <summary>Which kind an IMAP folder of the store holds, and which folders leave the mail hierarchy (only served kinds').</summary>
public sealed class ImapPimKindsTests
{
    [Theory]
    [InlineData("Contacts", PimKind.Contacts)]
    [InlineData("Contacts/Work", PimKind.Contacts)]
    [InlineData("Calendar", PimKind.Calendar)]
    [InlineData("Calendar/Team", PimKind.Calendar)]
    [InlineData("Tasks", PimKind.Tasks)]
    [InlineData("Tasks/Home/Garden", PimKind.Tasks)]
    [InlineData("Notes", PimKind.Notes)]
    [InlineData("Notes/Ideas", PimKind.Notes)]
    [InlineData("CalendarOld", null)]
    [InlineData("calendar", null)]
    [InlineData("INBOX/Notes", null)]
    [InlineData("INBOX", null)]
    public void RFC_3501_5_1_each_kinds_folder_and_those_below_it_hold_that_kind(string name, PimKind? expected) =>
        ImapPimFolders.KindOf(name, '/', ImapPimOptions.Default).ShouldBe(expected);

    [Fact]
    public void A_kind_configured_below_another_kinds_folder_wins_for_its_own_subtree()
    {
        var options = new ImapPimOptions("PIM", "PIM/Calendar");

        ImapPimFolders.KindOf("PIM/Calendar/Team", '/', options).ShouldBe(PimKind.Calendar);
        ImapPimFolders.KindOf("PIM/Friends", '/', options).ShouldBe(PimKind.Contacts);
    }

    [Fact]
    public void Only_the_folders_of_served_kinds_leave_the_mail_hierarchy()
    {
        var contactsOnly = Factory(new PimCodecs([new Eas.Actors.Tests.Sync.Pim.StandInCodec(PimKind.Contacts, "Contacts")]));
        var everything = Factory(new PimCodecs([new Eas.Actors.Tests.Sync.Pim.StandInCodec(PimKind.Contacts, "Contacts"), new Eas.Actors.Tests.Sync.Pim.StandInCodec(PimKind.Calendar, "Calendar")]));

        contactsOnly.HoldsPim("a@example.com", "Contacts/Work").ShouldBeTrue();
        contactsOnly.HoldsPim("a@example.com", "Calendar").ShouldBeFalse("no calendar codec is served: the folder stays mail");
        everything.PimKindOf("a@example.com", "Calendar/Team").ShouldBe(PimKind.Calendar);
        everything.PimKindOf("a@example.com", "Tasks").ShouldBeNull();
    }

    private static PimStoreFactory Factory(PimCodecs codecs) =>
        new(new PimStoreSettings(PimStoreKinds.Imap, ImmutableDictionary<string, string>.Empty) { Codecs = codecs }, new Dictionary<string, Func<PimStoreTarget, IPimStore>>());
}
