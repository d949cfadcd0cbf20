using Eas.Actors.Sync.Meetings;

namespace Eas.Actors.Tests.Sync.Meetings;

public sealed class OrganizerSchedulingTests
{
    private const string User = "anna@example.org";
    private static readonly DateTime Now = new(2026, 12, 2, 7, 30, 0, DateTimeKind.Utc);

    private static string Event(string status = "1", string location = "Room 4", string extra = "", string organizer = User) => $"""
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Test//EN
        BEGIN:VEVENT
        UID:phone-made-1
        SEQUENCE:0
        DTSTAMP:20261201T080000Z
        DTSTART:20261208T090000Z
        DTEND:20261208T100000Z
        SUMMARY:Review
        LOCATION:{location}
        X-EAS-MEETINGSTATUS:{status}
        ORGANIZER:mailto:{organizer}
        ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@example.org
        ATTENDEE;PARTSTAT=ACCEPTED:mailto:{User}
        {extra}END:VEVENT
        END:VCALENDAR
        """.ReplaceLineEndings("\r\n");

    [Fact]
    public void RFC_5546_3_2_2_a_meeting_added_by_its_organizer_is_a_REQUEST_to_the_other_attendees()
    {
        var outgoing = OrganizerScheduling.Plan(null, Event(), User, Now).ShouldNotBeNull();

        outgoing.Method.ShouldBe(MeetingMethod.Request);
        outgoing.Recipients.ShouldBe(["bob@example.org"]);
        outgoing.Subject.ShouldBe("Review");
        InvitationReader.Read(outgoing.Calendar)!.Method.ShouldBe(MeetingMethod.Request);
    }

    [Fact]
    public void RFC_5546_3_2_2_a_change_attendees_see_is_a_REQUEST_and_a_change_they_do_not_see_sends_nothing()
    {
        OrganizerScheduling.Plan(Event(), Event(location: "Room 5"), User, Now).ShouldNotBeNull().Method.ShouldBe(MeetingMethod.Request);
        OrganizerScheduling.Plan(Event(), Event(extra: "CATEGORIES:Work\r\n"), User, Now).ShouldBeNull();
    }

    [Fact]
    public void MS_ASCAL_2_2_2_28_a_cancelled_status_or_a_delete_is_a_CANCEL_once()
    {
        OrganizerScheduling.Plan(Event(), Event(status: "5", extra: "STATUS:CANCELLED\r\n"), User, Now).ShouldNotBeNull().Method.ShouldBe(MeetingMethod.Cancel);
        OrganizerScheduling.Plan(Event(status: "5"), Event(status: "5", location: "x"), User, Now).ShouldBeNull();
        var deleted = OrganizerScheduling.Plan(Event(), null, User, Now).ShouldNotBeNull();
        deleted.Method.ShouldBe(MeetingMethod.Cancel);
        deleted.Subject.ShouldBe("Canceled: Review");
        InvitationReader.Read(deleted.Calendar)!.Sequence.ShouldBe(1);
    }

    [Fact]
    public void MS_ASCAL_2_2_2_28_meetings_the_user_was_invited_to_and_plain_appointments_send_nothing()
    {
        OrganizerScheduling.Plan(null, Event(status: "3", organizer: "carl@example.org"), User, Now).ShouldBeNull();
        OrganizerScheduling.Plan(Event(status: "3", organizer: "carl@example.org"), null, User, Now).ShouldBeNull();
        OrganizerScheduling.Plan(null, Event(status: "0"), User, Now).ShouldBeNull();
    }
}
