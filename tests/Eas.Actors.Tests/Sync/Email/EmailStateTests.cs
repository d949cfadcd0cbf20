using Eas.Actors.Sync.Email;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using static Eas.Actors.Tests.Sync.Email.EmailTestData;
using Email2Page = Eas.Wire.CodePages.Email2;
using EmailPage = Eas.Wire.CodePages.Email;
using TasksPage = Eas.Wire.CodePages.Tasks;

namespace Eas.Actors.Tests.Sync.Email;

/// <summary>Read, flag, importance, categories and last verb, from IMAP flags to elements.</summary>
public sealed class EmailStateTests
{
    private static WbxmlElement Encode(EmailItem item, ProtocolVersion? version = null) =>
        EmailApplicationData.Build(item, Options(version ?? ProtocolVersion.V141));

    [Fact]
    public void Imap_flags_map_to_read_flag_verbs_and_categories()
    {
        var item = EmailImapFlags.Apply(new EmailItem(), ["\\Seen", "\\flagged", "\\Answered", "$Forwarded", "$MDNSent", "Work", "$label1", "NonJunk", "work", "Urgent"]);

        item.Read.ShouldBeTrue();
        item.Flag.ShouldBe(EmailFlag.FollowUp);
        item.Answered.ShouldBeTrue();
        item.Forwarded.ShouldBeTrue();
        item.Categories.ShouldBe(["Work", "Urgent"]);
    }

    [Fact]
    public void Clearing_imap_flags_clears_the_state_but_keeps_a_dated_flag_while_flagged()
    {
        var dated = new EmailFlag(EmailFlagStatus.Active) { FlagType = "Call back", DueDate = Received, StartDate = Received, UtcDueDate = Received, UtcStartDate = Received };

        var kept = EmailImapFlags.Apply(new EmailItem { Flag = dated }, ["\\Flagged"]);
        var cleared = EmailImapFlags.Apply(kept with { Read = true, Categories = ["Work"] }, []);

        kept.Flag.ShouldBe(dated);
        cleared.Read.ShouldBeFalse();
        cleared.Flag.ShouldBeNull();
        cleared.Categories.ShouldBeEmpty();
    }

    [Fact]
    public void An_active_flag_has_status_2_and_the_follow_up_type()
    {
        var flag = Child(Encode(FullItem()), EmailPage.Flag);

        Names(flag).ShouldBe(["Email:Status", "Email:FlagType"]);
        flag.ValueOf(EmailPage.Status).ShouldBe("2");
        flag.ValueOf(EmailPage.FlagType).ShouldBe("Flag for follow up");
    }

    [Fact]
    public void A_dated_flag_writes_the_tasks_dates_in_MS_ASEMAIL_order()
    {
        var due = new DateTime(2025, 3, 21, 0, 0, 0, DateTimeKind.Utc);
        var item = FullItem() with
        {
            Flag = new EmailFlag(EmailFlagStatus.Complete)
            {
                FlagType = "Flag for follow up",
                CompleteTime = Received,
                DateCompleted = Received,
                StartDate = Sent,
                DueDate = due,
                UtcStartDate = Sent,
                UtcDueDate = due,
                ReminderSet = false,
            },
        };

        var flag = Child(Encode(item), EmailPage.Flag);

        Names(flag).ShouldBe([
            "Email:Status", "Email:FlagType", "Tasks:DateCompleted", "Email:CompleteTime", "Tasks:StartDate", "Tasks:DueDate",
            "Tasks:UtcStartDate", "Tasks:UtcDueDate", "Tasks:ReminderSet",
        ]);
        flag.ValueOf(EmailPage.Status).ShouldBe("1");
        flag.ValueOf(TasksPage.UtcDueDate).ShouldBe("2025-03-21T00:00:00.000Z");
        flag.ValueOf(TasksPage.ReminderSet).ShouldBe("0");
    }

    [Fact]
    public void An_unflagged_item_carries_an_empty_Flag()
    {
        foreach (var flag in new[] { null, EmailFlag.Cleared })
        {
            var element = Child(Encode(FullItem() with { Flag = flag }), EmailPage.Flag);

            element.HasChildren.ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData(EmailImportance.Low, "0")]
    [InlineData(EmailImportance.Normal, "1")]
    [InlineData(EmailImportance.High, "2")]
    public void Importance_is_written_as_its_number(EmailImportance importance, string expected)
    {
        Encode(FullItem() with { Importance = importance }).ValueOf(EmailPage.Importance).ShouldBe(expected);
    }

    [Fact]
    public void Read_is_0_or_1()
    {
        Encode(FullItem() with { Read = false }).ValueOf(EmailPage.Read).ShouldBe("0");
        Encode(FullItem() with { Read = true }).ValueOf(EmailPage.Read).ShouldBe("1");
    }

    [Fact]
    public void Categories_are_listed_and_an_item_without_any_has_an_empty_element()
    {
        var with = Child(Encode(FullItem()), EmailPage.Categories);
        var without = Child(Encode(FullItem() with { Categories = [] }), EmailPage.Categories);

        Children(with).Select(category => category.Text).ShouldBe(["Work", "Project X"]);
        without.HasChildren.ShouldBeFalse();
    }

    [Theory]
    [InlineData(true, false, "1")]
    [InlineData(false, true, "3")]
    [InlineData(true, true, "1")]
    public void Answered_and_forwarded_become_the_last_verb(bool answered, bool forwarded, string expected)
    {
        var data = Encode(FullItem() with { Answered = answered, Forwarded = forwarded });

        data.ValueOf(Email2Page.LastVerbExecuted).ShouldBe(expected);
        data.ValueOf(Email2Page.LastVerbExecutionTime).ShouldBe("2025-03-14T10:26:53.589Z");
    }

    [Fact]
    public void A_message_never_answered_or_forwarded_has_no_last_verb()
    {
        var data = Encode(FullItem() with { Answered = false, Forwarded = false });

        data.Element(Email2Page.LastVerbExecuted).ShouldBeNull();
        data.Element(Email2Page.LastVerbExecutionTime).ShouldBeNull();
    }

    [Fact]
    public void A_flags_change_carries_only_the_changeable_state_for_the_version()
    {
        var item = FullItem() with { Answered = false, Forwarded = false, Categories = [] };

        Names(EmailApplicationData.BuildFlagsChange(item, ProtocolVersion.V25)).ShouldBe(["Email:Read"]);
        Names(EmailApplicationData.BuildFlagsChange(item, ProtocolVersion.V121)).ShouldBe(["Email:Read", "Email:Flag"]);
        var change = EmailApplicationData.BuildFlagsChange(item, ProtocolVersion.V161);
        Names(change).ShouldBe(["Email:Read", "Email:Flag", "Email2:LastVerbExecuted", "Email:Categories"]);
        change.ValueOf(Email2Page.LastVerbExecuted).ShouldBe("0");
        change.Name.ShouldBe("ApplicationData");
    }

    [Fact]
    public void Content_class_and_sender_are_written_as_MS_ASEMAIL_gives_them()
    {
        var data = Encode(FullItem());

        data.ValueOf(EmailPage.ContentClass).ShouldBe("urn:content-classes:message");
        data.ValueOf(Email2Page.Sender).ShouldBe("\"List Bot\" <bot@example.com>");
        data.ValueOf(Email2Page.ReceivedAsBcc).ShouldBe("1");
    }

    [Fact]
    public void A_meeting_request_carries_its_class_without_meeting_details()
    {
        var data = Encode(FullItem() with { MessageClass = EmailMessageClass.MeetingRequest });

        data.ValueOf(EmailPage.MessageClass).ShouldBe("IPM.Schedule.Meeting.Request");
        data.Element(EmailPage.MeetingRequest).ShouldBeNull();
    }
}
