namespace Eas.Actors.Tests.Sync.Meetings;

/// <summary>iMIP samples as organizers' clients write them (Thunderbird, Google and Outlook shapes).</summary>
internal static class MeetingSamples
{
    public const string Invitee = "bob@example.org";

    public const string Organizer = "anna@example.org";

    /// <summary>A weekly meeting in Berlin time, with an alarm, from Anna to Bob and Carl.</summary>
    public static string WeeklyRequest(int sequence = 2, string method = "REQUEST") => $"""
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN
        METHOD:{method}
        BEGIN:VTIMEZONE
        TZID:Europe/Berlin
        BEGIN:DAYLIGHT
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        TZNAME:CEST
        DTSTART:19700329T020000
        RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
        END:DAYLIGHT
        BEGIN:STANDARD
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        TZNAME:CET
        DTSTART:19701025T030000
        RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
        END:STANDARD
        END:VTIMEZONE
        BEGIN:VEVENT
        UID:7f3a9c2e-weekly@example.org
        SEQUENCE:{sequence}
        DTSTAMP:20261201T080000Z
        DTSTART;TZID=Europe/Berlin:20261208T100000
        DTEND;TZID=Europe/Berlin:20261208T110000
        RRULE:FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10
        SUMMARY:Planning
        LOCATION:Room 4
        CLASS:PRIVATE
        ORGANIZER;CN=Anna Berg:mailto:{Organizer}
        ATTENDEE;CN=Bob;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;ROLE=REQ-PARTICIPANT:mailto:{Invitee}
        ATTENDEE;CN=Carl;PARTSTAT=ACCEPTED;ROLE=OPT-PARTICIPANT:mailto:carl@example.org
        X-MICROSOFT-DISALLOW-COUNTER:TRUE
        BEGIN:VALARM
        ACTION:DISPLAY
        TRIGGER:-PT15M
        DESCRIPTION:Planning
        END:VALARM
        END:VEVENT
        END:VCALENDAR
        """.ReplaceLineEndings("\r\n");

    /// <summary>An all-day single event.</summary>
    public const string AllDayRequest = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Google Inc//Google Calendar 70.9054//EN
        METHOD:REQUEST
        BEGIN:VEVENT
        UID:allday-42@google.com
        DTSTAMP:20261201T080000Z
        DTSTART;VALUE=DATE:20261224
        DTEND;VALUE=DATE:20261225
        SUMMARY:Holiday
        TRANSP:TRANSPARENT
        ORGANIZER:mailto:anna@example.org
        ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@example.org
        END:VEVENT
        END:VCALENDAR
        """;

    /// <summary>The weekly meeting as an iMIP mail to Bob.</summary>
    public static string InviteMail(string calendar, string method = "REQUEST") => $"""
        From: Anna Berg <{Organizer}>
        To: Bob <{Invitee}>
        Subject: Invitation: Planning
        Date: Tue, 01 Dec 2026 08:00:00 +0000
        Message-ID: <invite-1@example.org>
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="b1"

        --b1
        Content-Type: text/plain; charset=utf-8

        You are invited.
        --b1
        Content-Type: text/calendar; charset=utf-8; method={method}
        Content-Transfer-Encoding: 8bit

        {calendar.TrimEnd()}
        --b1--
        """;
}
