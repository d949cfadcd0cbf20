using Eas.Actors.Sync.Meetings;
using static Eas.Actors.Tests.Sync.Meetings.MeetingSamples;

namespace Eas.Actors.Tests.Sync.Meetings;

public sealed class InvitationReaderTests
{
    [Fact]
    public void RFC_5546_a_REQUEST_is_read_with_its_times_in_UTC_and_its_people()
    {
        var meeting = InvitationReader.Read(WeeklyRequest()).ShouldNotBeNull();

        meeting.Method.ShouldBe(MeetingMethod.Request);
        meeting.Uid.ShouldBe("7f3a9c2e-weekly@example.org");
        meeting.Sequence.ShouldBe(2);
        meeting.Stamp.ShouldBe(new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc));
        meeting.Start.ShouldBe(new DateTime(2026, 12, 8, 9, 0, 0, DateTimeKind.Utc));
        meeting.End.ShouldBe(new DateTime(2026, 12, 8, 10, 0, 0, DateTimeKind.Utc));
        meeting.AllDay.ShouldBeFalse();
        meeting.TimeZoneId.ShouldBe("Europe/Berlin");
        meeting.Location.ShouldBe("Room 4");
        meeting.OrganizerAddress.ShouldBe(Organizer);
        meeting.OrganizerName.ShouldBe("Anna Berg");
        meeting.AttendeeFor("BOB@example.org").ShouldBe(new MeetingAttendee(Invitee, "Bob", "NEEDS-ACTION", true));
        meeting.ReminderMinutes.ShouldBe(15);
        meeting.Sensitivity.ShouldBe(2);
        meeting.BusyStatus.ShouldBe(MeetingBusyStatus.Busy);
        meeting.DisallowNewTimeProposal.ShouldBeTrue();
        meeting.Recurrence.ShouldBe(new MeetingRecurrence(1, 1) { DayOfWeek = 4 | 16, Occurrences = 10 });
    }

    [Fact]
    public void MS_ASEMAIL_2_2_2_2_a_date_only_start_is_an_all_day_event_and_TRANSPARENT_is_free()
    {
        var meeting = InvitationReader.Read(AllDayRequest).ShouldNotBeNull();

        meeting.AllDay.ShouldBeTrue();
        meeting.Start.ShouldBe(new DateTime(2026, 12, 24, 0, 0, 0, DateTimeKind.Utc));
        meeting.End.ShouldBe(new DateTime(2026, 12, 25, 0, 0, 0, DateTimeKind.Utc));
        meeting.BusyStatus.ShouldBe(MeetingBusyStatus.Free);
        meeting.Sequence.ShouldBe(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n")]
    [InlineData("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:no uid\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")]
    [InlineData("this is not iCalendar at all")]
    public void A_part_that_is_no_readable_meeting_is_no_invitation(string text) =>
        InvitationReader.Read(text).ShouldBeNull();

    [Fact]
    public void MS_ASEMAIL_2_2_2_60_a_monthly_rule_on_the_last_friday_is_the_nth_weekday_type()
    {
        var text = WeeklyRequest().Replace("RRULE:FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10", "RRULE:FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270630T000000Z", StringComparison.Ordinal);

        var recurrence = InvitationReader.Read(text).ShouldNotBeNull().Recurrence.ShouldNotBeNull();

        recurrence.ShouldBe(new MeetingRecurrence(3, 1) { WeekOfMonth = 5, DayOfWeek = 32, Until = new DateTime(2027, 6, 30, 0, 0, 0, DateTimeKind.Utc) });
    }
}
