using Ical.Net;
using IcalCalendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Eas.Actors.Sync.Meetings;

/// <summary>
/// The iTIP objects this server sends (RFC 5546): an attendee's REPLY (3.2.3) or, with a proposed new time, COUNTER
/// (3.2.7), and an organizer's REQUEST (3.2.2) and CANCEL (3.2.5) of a meeting made on the phone. Each carries the
/// meeting's UID and SEQUENCE, a fresh DTSTAMP, the ORGANIZER and the attendees the method needs.
/// </summary>
public static class ItipMessages
{
    /// <summary>
    /// The attendee's answer to <paramref name="invitation"/>: METHOD:REPLY with only that attendee and its PARTSTAT,
    /// the same UID, SEQUENCE and RECURRENCE-ID (the one of the invitation, or <paramref name="instance"/> for one
    /// occurrence). With a proposed time it is METHOD:COUNTER, whose DTSTART and DTEND are the proposal.
    /// </summary>
    public static string Reply(MeetingInvitation invitation, string attendee, MeetingAnswer answer, DateTime? instance, DateTime now, (DateTime Start, DateTime End)? proposal = null)
    {
        var calendar = new IcalCalendar { Method = proposal is null ? "REPLY" : "COUNTER" };
        calendar.ProductId = ProductId;
        var vevent = new CalendarEvent
        {
            Uid = invitation.Uid,
            Sequence = invitation.Sequence,
            DtStamp = Utc(now),
            Summary = invitation.Summary,
        };
        if (invitation.OrganizerAddress is { } organizer) vevent.Organizer = new Organizer("mailto:" + organizer) { CommonName = invitation.OrganizerName };
        var own = invitation.AttendeeFor(attendee);
        vevent.Attendees.Add(new Attendee("mailto:" + attendee) { CommonName = own?.Name, ParticipationStatus = answer.PartStat() });
        if ((instance ?? invitation.RecurrenceId) is { } recurrenceId) vevent.RecurrenceIdentifier = new RecurrenceIdentifier(Utc(recurrenceId), null);
        if (proposal is { } times)
        {
            vevent.DtStart = Utc(times.Start);
            vevent.DtEnd = Utc(times.End);
        }
        else if (invitation.Start is { } start && instance is null)
        {
            vevent.DtStart = Utc(start);
            if (invitation.End is { } end) vevent.DtEnd = Utc(end);
        }

        calendar.Events.Add(vevent);
        return AttendeeCalendarEntry.Serialize(calendar);
    }

    /// <summary>
    /// What the organizer's stored event becomes on the wire: METHOD:REQUEST (or CANCEL, with STATUS:CANCELLED and the
    /// SEQUENCE raised, RFC 5546 3.2.5) over the whole stored object, every VEVENT given a fresh DTSTAMP.
    /// </summary>
    public static string FromOrganizer(string stored, MeetingMethod method, DateTime now)
    {
        var calendar = IcalCalendar.Load(stored) ?? throw new FormatException("The stored event has no calendar.");
        calendar.Method = method == MeetingMethod.Cancel ? "CANCEL" : "REQUEST";
        foreach (var vevent in calendar.Events)
        {
            vevent.DtStamp = Utc(now);
            if (method != MeetingMethod.Cancel) continue;
            vevent.Status = "CANCELLED";
            vevent.Sequence += 1;
        }

        return AttendeeCalendarEntry.Serialize(calendar);
    }

    /// <summary>PRODID of what this server writes (RFC 5545 3.7.3).</summary>
    public const string ProductId = "-//Eas.Server//Meetings//EN";

    private static CalDateTime Utc(DateTime value) => new(DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Utc), CalDateTime.UtcTzId, true);
}
