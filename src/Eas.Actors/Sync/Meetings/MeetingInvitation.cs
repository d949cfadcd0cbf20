using System.Collections.Immutable;

namespace Eas.Actors.Sync.Meetings;

/// <summary>
/// The meeting an iMIP message carries (RFC 6047): the first VEVENT of its text/calendar part with the calendar's
/// METHOD (RFC 5546 section 1.4), read into what email:MeetingRequest (MS-ASEMAIL 2.2.2.48), the attendee's calendar
/// entry and the iTIP REPLY need. Times are UTC; <see cref="Calendar"/> keeps the whole iCalendar object as it came,
/// so the calendar store gets every property the phone never sees.
/// </summary>
public sealed record MeetingInvitation
{
    /// <summary>The iTIP method of the calendar object.</summary>
    public required MeetingMethod Method { get; init; }

    /// <summary>The event's UID (RFC 5545 3.8.4.7): the calendar store's item id and the heart of GlobalObjId.</summary>
    public required string Uid { get; init; }

    /// <summary>SEQUENCE (RFC 5545 3.8.7.4): a REPLY names the revision it answers (RFC 5546 2.1.4).</summary>
    public int Sequence { get; init; }

    /// <summary>DTSTAMP, UTC (email:DtStamp, MS-ASEMAIL 2.2.2.30).</summary>
    public required DateTime Stamp { get; init; }

    /// <summary>DTSTART, UTC; for an all-day event midnight UTC of its first day.</summary>
    public DateTime? Start { get; init; }

    /// <summary>DTEND (or DTSTART + DURATION), UTC.</summary>
    public DateTime? End { get; init; }

    /// <summary>DTSTART is a DATE (no time): an all-day event (email:AllDayEvent, MS-ASEMAIL 2.2.2.2).</summary>
    public bool AllDay { get; init; }

    /// <summary>The TZID of DTSTART, when it has one (the TimeZone element describes it).</summary>
    public string? TimeZoneId { get; init; }

    public string? Summary { get; init; }

    public string? Location { get; init; }

    /// <summary>ORGANIZER's address without <c>mailto:</c>; a REPLY goes there.</summary>
    public string? OrganizerAddress { get; init; }

    public string? OrganizerName { get; init; }

    public ImmutableArray<MeetingAttendee> Attendees { get; init; } = [];

    /// <summary>RECURRENCE-ID, UTC: the message concerns one occurrence of a series (email:RecurrenceId, InstanceType 3).</summary>
    public DateTime? RecurrenceId { get; init; }

    /// <summary>The series' rule, already in EAS terms; null for a single meeting.</summary>
    public MeetingRecurrence? Recurrence { get; init; }

    /// <summary>Minutes before the start of the first display alarm (email:Reminder, MS-ASEMAIL 2.2.2.63).</summary>
    public int? ReminderMinutes { get; init; }

    /// <summary>CLASS as email:Sensitivity (MS-ASEMAIL 2.2.2.70): 0 normal, 2 private, 3 confidential.</summary>
    public int Sensitivity { get; init; }

    /// <summary>
    /// The organizer's intended busy status (email:BusyStatus, MS-ASEMAIL 2.2.2.13): X-MICROSOFT-CDO-INTENDEDSTATUS
    /// when present, else TRANSP (TRANSPARENT is free, anything else busy).
    /// </summary>
    public int BusyStatus { get; init; } = MeetingBusyStatus.Busy;

    /// <summary>X-MICROSOFT-DISALLOW-COUNTER: the organizer takes no new time proposals (MS-ASEMAIL 2.2.2.27).</summary>
    public bool DisallowNewTimeProposal { get; init; }

    /// <summary>The whole iCalendar text of the part, as received.</summary>
    public required string Calendar { get; init; }

    /// <summary>The attendee entry of <paramref name="address"/>, compared without case; null when not invited by name.</summary>
    public MeetingAttendee? AttendeeFor(string address) =>
        Attendees.FirstOrDefault(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One ATTENDEE (RFC 5545 3.8.4.1) with its PARTSTAT and RSVP parameters.</summary>
public sealed record MeetingAttendee(string Address, string? Name, string PartStat, bool Rsvp);

/// <summary>The iTIP methods (RFC 5546 section 1.4) a meeting message can carry.</summary>
public enum MeetingMethod
{
    /// <summary>Any other method (PUBLISH, COUNTER, REFRESH, ADD, DECLINECOUNTER) or none.</summary>
    Other,

    /// <summary>An invitation or an update of one.</summary>
    Request,

    /// <summary>An attendee's answer.</summary>
    Reply,

    /// <summary>The organizer called the meeting (or an occurrence) off.</summary>
    Cancel,
}

/// <summary>email:BusyStatus and calendar:BusyStatus values (MS-ASEMAIL 2.2.2.13, MS-ASCAL 2.2.2.8).</summary>
public static class MeetingBusyStatus
{
    public const int Free = 0;
    public const int Tentative = 1;
    public const int Busy = 2;
    public const int OutOfOffice = 3;
    public const int WorkingElsewhere = 4;
}
