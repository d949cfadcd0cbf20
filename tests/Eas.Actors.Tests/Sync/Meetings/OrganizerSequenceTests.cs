using Eas.Actors.Sync.Meetings;

namespace Eas.Actors.Tests.Sync.Meetings;

/// <summary>
/// The organizer's revision number (RFC 5546 2.1.4, RFC 5545 3.8.7.4 SEQUENCE) kept in the stored event, which the phone
/// cannot carry (MS-ASCAL 2.2.2 has no element for it): every REQUEST after a change, and the CANCEL of a delete, carry a
/// revision above the last one the attendees got.
/// </summary>
public sealed class OrganizerSequenceTests
{
    private const string User = "anna@example.org";
    private static readonly DateTime Now = new(2026, 12, 2, 7, 30, 0, DateTimeKind.Utc);

    private static string Event(string start = "20261208T090000Z", string sequence = "", string status = "1", string attendees = "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:bob@example.org\r\n", string extra = "") => $"""
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Test//EN
        BEGIN:VEVENT
        UID:phone-made-1
        {sequence}DTSTAMP:20261201T080000Z
        DTSTART:{start}
        DURATION:PT1H
        SUMMARY:Review
        X-EAS-MEETINGSTATUS:{status}
        ORGANIZER:mailto:{User}
        {attendees}{extra}BEGIN:VALARM
        ACTION:DISPLAY
        TRIGGER:-PT15M
        END:VALARM
        END:VEVENT
        END:VCALENDAR
        """.ReplaceLineEndings("\r\n");

    private static int SequenceOf(string content) => Ical.Net.Calendar.Load(content)!.Events.First(e => e.RecurrenceIdentifier is null).Sequence;

    [Fact]
    public void RFC_5546_2_1_4_a_new_time_is_stored_one_revision_above_the_old_one_and_the_REQUEST_carries_it()
    {
        var before = Event(sequence: "SEQUENCE:2\r\n");
        var after = Event(start: "20261208T140000Z");

        var stored = OrganizerSequence.Revise(before, after, User);

        SequenceOf(stored).ShouldBe(3);
        stored.ShouldContain("DTSTART:20261208T140000Z");
        stored.ShouldContain("TRIGGER:-PT15M", Case.Sensitive, "the rest of the event is left as it was");
        stored.Split("SEQUENCE:").Length.ShouldBe(2, "one SEQUENCE line, none in the VALARM");
        var request = OrganizerScheduling.Plan(before, stored, User, Now).ShouldNotBeNull();
        request.Method.ShouldBe(MeetingMethod.Request);
        InvitationReader.Read(request.Calendar)!.Sequence.ShouldBe(3);
    }

    [Fact]
    public void RFC_5546_3_2_5_the_CANCEL_of_a_changed_meeting_is_above_the_last_REQUEST()
    {
        var added = Event();
        var changed = OrganizerSequence.Revise(added, Event(start: "20261208T140000Z"), User);

        var cancel = OrganizerScheduling.Plan(changed, null, User, Now).ShouldNotBeNull();

        cancel.Method.ShouldBe(MeetingMethod.Cancel);
        InvitationReader.Read(cancel.Calendar)!.Sequence.ShouldBe(SequenceOf(changed) + 1);
        SequenceOf(changed).ShouldBe(1);
    }

    [Fact]
    public void RFC_5546_2_1_4_a_change_attendees_do_not_see_keeps_the_stored_revision_even_when_the_phone_s_text_lost_it()
    {
        var before = Event(sequence: "SEQUENCE:4\r\n");
        var after = Event(extra: "CATEGORIES:Work\r\n");

        SequenceOf(OrganizerSequence.Revise(before, after, User)).ShouldBe(4);
        OrganizerSequence.Revise(before, Event(sequence: "SEQUENCE:4\r\n", extra: "CATEGORIES:Work\r\n"), User).ShouldBe(Event(sequence: "SEQUENCE:4\r\n", extra: "CATEGORIES:Work\r\n"), "already right: the text is left alone");
    }

    [Fact]
    public void MS_ASCAL_2_2_2_28_appointments_and_meetings_the_user_was_invited_to_are_stored_as_the_phone_sent_them()
    {
        var plain = Event(start: "20261208T140000Z", status: "0", attendees: "");
        OrganizerSequence.Revise(Event(status: "0", attendees: ""), plain, User).ShouldBe(plain);
        var invited = Event(start: "20261208T140000Z", status: "3");
        OrganizerSequence.Revise(Event(status: "3"), invited, User).ShouldBe(invited);
    }

    [Fact]
    public void RFC_5545_3_8_7_4_every_VEVENT_of_a_series_gets_the_revision_and_LF_text_stays_LF()
    {
        var series = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nSEQUENCE:1\nEND:VEVENT\nBEGIN:VEVENT\nUID:a\nRECURRENCE-ID:20261215T090000Z\nEND:VEVENT\nEND:VCALENDAR\n";

        var revised = OrganizerSequence.WithSequence(series, 2);

        revised.ShouldBe("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSEQUENCE:2\nUID:a\nEND:VEVENT\nBEGIN:VEVENT\nSEQUENCE:2\nUID:a\nRECURRENCE-ID:20261215T090000Z\nEND:VEVENT\nEND:VCALENDAR\n");
    }
}
