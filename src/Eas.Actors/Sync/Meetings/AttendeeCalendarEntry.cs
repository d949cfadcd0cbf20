using Ical.Net;
using IcalCalendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Eas.Actors.Sync.Meetings;

/// <summary>
/// The attendee's own copy of a meeting in their calendar store (item id = the event's UID): the organizer's
/// iCalendar object without METHOD (a stored calendar object has none, RFC 4791 4.1), the attendee's PARTSTAT
/// (RFC 5545 3.2.12) and the busy status as X-MICROSOFT-CDO-BUSYSTATUS, the property Outlook and the calendar codec
/// read (MS-ASCAL 2.2.2.8: tentative until answered). Everything else of the organizer's object is kept.
/// </summary>
public static class AttendeeCalendarEntry
{
    private const string BusyStatusProperty = "X-MICROSOFT-CDO-BUSYSTATUS";

    /// <summary>The entry a new invitation makes: the attendee's PARTSTAT NEEDS-ACTION, tentative.</summary>
    public static string FromInvitation(MeetingInvitation invitation, string attendee)
    {
        var calendar = IcalCalendar.Load(invitation.Calendar) ?? throw new FormatException("The invitation has no calendar.");
        calendar.Method = null;
        foreach (var vevent in calendar.Events) SetAnswer(vevent, attendee, "NEEDS-ACTION", null);
        return Serialize(calendar);
    }

    /// <summary>
    /// The stored entry with the attendee's answer: on the whole series, or with <paramref name="instance"/> on that
    /// occurrence only (its override, made from the master when there is none yet, RFC 5545 3.8.4.4).
    /// </summary>
    public static string WithAnswer(string stored, string attendee, MeetingAnswer answer, DateTime? instance)
    {
        var calendar = IcalCalendar.Load(stored) ?? throw new FormatException("The stored entry has no calendar.");
        calendar.Method = null;
        if (instance is { } occurrence)
        {
            SetAnswer(OverrideFor(calendar, occurrence), attendee, answer.PartStat(), answer);
        }
        else
        {
            foreach (var vevent in calendar.Events) SetAnswer(vevent, attendee, answer.PartStat(), answer);
        }

        return Serialize(calendar);
    }

    /// <summary>The stored entry of a cancelled meeting: STATUS:CANCELLED on every event (RFC 5546 3.2.5), free time.</summary>
    public static string Cancelled(string stored)
    {
        var calendar = IcalCalendar.Load(stored) ?? throw new FormatException("The stored entry has no calendar.");
        foreach (var vevent in calendar.Events)
        {
            vevent.Status = "CANCELLED";
            vevent.Properties.Set(BusyStatusProperty, "FREE");
        }

        return Serialize(calendar);
    }

    /// <summary>The SEQUENCE of the stored entry's master (0 when it cannot be read): an invitation older than it changes nothing.</summary>
    public static int SequenceOf(string stored)
    {
        try
        {
            var calendar = IcalCalendar.Load(stored);
            return (calendar?.Events.FirstOrDefault(e => e.RecurrenceIdentifier is null) ?? calendar?.Events.FirstOrDefault())?.Sequence ?? 0;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return 0;
        }
    }

    /// <summary>Whether the stored entry already holds the attendee's answer (anything but NEEDS-ACTION).</summary>
    public static string? PartStatOf(string stored, string attendee)
    {
        var calendar = IcalCalendar.Load(stored);
        var master = calendar?.Events.FirstOrDefault(e => e.RecurrenceIdentifier is null) ?? calendar?.Events.FirstOrDefault();
        return master?.Attendees.FirstOrDefault(a => Same(a, attendee))?.ParticipationStatus;
    }

    private static CalendarEvent OverrideFor(IcalCalendar calendar, DateTime occurrence)
    {
        var existing = calendar.Events.FirstOrDefault(e => e.RecurrenceIdentifier?.StartTime is { } id && Math.Abs((id.AsUtc - occurrence).TotalSeconds) < 1);
        if (existing is not null) return existing;
        var master = calendar.Events.FirstOrDefault(e => e.RecurrenceIdentifier is null) ?? throw new FormatException("The stored entry has no event.");
        // A copy through the text: Ical.Net's Copy shares property objects between the master and the copy.
        var copy = IcalCalendar.Load(Serialize(calendar))?.Events.FirstOrDefault(e => e.RecurrenceIdentifier is null) ?? throw new FormatException("The stored event cannot be copied.");
        copy.RecurrenceRule = null;
        copy.ExceptionDates.Clear();
        var duration = master.DtEnd is { } end && master.DtStart is { } start ? end.AsUtc - start.AsUtc : TimeSpan.Zero;
        copy.RecurrenceIdentifier = new RecurrenceIdentifier(new CalDateTime(occurrence, CalDateTime.UtcTzId, true), null);
        copy.DtStart = new CalDateTime(occurrence, CalDateTime.UtcTzId, true);
        copy.DtEnd = new CalDateTime(occurrence + duration, CalDateTime.UtcTzId, true);
        calendar.Events.Add(copy);
        return copy;
    }

    private static void SetAnswer(CalendarEvent vevent, string attendee, string partStat, MeetingAnswer? answer)
    {
        // A new line each time: an override copied from its master shares the master's attendee objects.
        var index = vevent.Attendees.ToList().FindIndex(a => Same(a, attendee));
        var entry = new Attendee("mailto:" + attendee) { Role = "REQ-PARTICIPANT" };
        if (index < 0)
        {
            vevent.Attendees.Add(entry);
        }
        else
        {
            entry.CopyFrom(vevent.Attendees[index]);
            vevent.Attendees[index] = entry;
        }

        entry.ParticipationStatus = partStat;
        entry.Rsvp = false;
        vevent.Properties.Set(BusyStatusProperty, answer.CdoBusyStatus());
    }

    private static bool Same(Attendee attendee, string address) =>
        string.Equals(InvitationReader.Address(attendee.Value), address, StringComparison.OrdinalIgnoreCase);

    internal static string Serialize(IcalCalendar calendar) => new CalendarSerializer(calendar).SerializeToString() ?? string.Empty;
}
