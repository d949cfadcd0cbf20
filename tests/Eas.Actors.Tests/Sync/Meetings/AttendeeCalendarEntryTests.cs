using Eas.Actors.Sync.Meetings;
using static Eas.Actors.Tests.Sync.Meetings.MeetingSamples;

namespace Eas.Actors.Tests.Sync.Meetings;

public sealed class AttendeeCalendarEntryTests
{
    private static string Unfolded(string text) => text.Replace("\r\n ", string.Empty, StringComparison.Ordinal);

    [Fact]
    public void RFC_4791_4_1_a_new_invitation_is_stored_without_METHOD_tentative_and_awaiting_the_answer()
    {
        var entry = Unfolded(AttendeeCalendarEntry.FromInvitation(InvitationReader.Read(WeeklyRequest())!, Invitee));

        entry.ShouldNotContain("METHOD:");
        entry.ShouldContain("X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE");
        entry.ShouldContain("UID:7f3a9c2e-weekly@example.org");
        entry.ShouldContain("RRULE:FREQ=WEEKLY");
        AttendeeCalendarEntry.PartStatOf(entry, Invitee).ShouldBe("NEEDS-ACTION");
        AttendeeCalendarEntry.PartStatOf(entry, "carl@example.org").ShouldBe("ACCEPTED");
        AttendeeCalendarEntry.SequenceOf(entry).ShouldBe(2);
    }

    [Fact]
    public void RFC_5545_3_2_12_an_answer_sets_the_attendees_PARTSTAT_and_busy_status()
    {
        var entry = AttendeeCalendarEntry.FromInvitation(InvitationReader.Read(WeeklyRequest())!, Invitee);

        var accepted = AttendeeCalendarEntry.WithAnswer(entry, Invitee, MeetingAnswer.Accepted, null);

        AttendeeCalendarEntry.PartStatOf(accepted, Invitee).ShouldBe("ACCEPTED");
        Unfolded(accepted).ShouldContain("X-MICROSOFT-CDO-BUSYSTATUS:BUSY");
        AttendeeCalendarEntry.PartStatOf(accepted, "carl@example.org").ShouldBe("ACCEPTED");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_92_1_an_answer_for_one_occurrence_goes_on_an_override_of_that_occurrence()
    {
        var entry = AttendeeCalendarEntry.FromInvitation(InvitationReader.Read(WeeklyRequest())!, Invitee);
        var occurrence = new DateTime(2026, 12, 10, 9, 0, 0, DateTimeKind.Utc);

        var declined = Unfolded(AttendeeCalendarEntry.WithAnswer(entry, Invitee, MeetingAnswer.Declined, occurrence));

        declined.ShouldContain("RECURRENCE-ID:20261210T090000Z");
        declined.ShouldContain("PARTSTAT=DECLINED");
        AttendeeCalendarEntry.PartStatOf(declined, Invitee).ShouldBe("NEEDS-ACTION");
    }

    [Fact]
    public void RFC_5546_3_2_5_a_cancellation_marks_the_stored_entry_cancelled_and_free()
    {
        var entry = AttendeeCalendarEntry.FromInvitation(InvitationReader.Read(WeeklyRequest())!, Invitee);

        var cancelled = Unfolded(AttendeeCalendarEntry.Cancelled(entry));

        cancelled.ShouldContain("STATUS:CANCELLED");
        cancelled.ShouldContain("X-MICROSOFT-CDO-BUSYSTATUS:FREE");
    }
}
