using Ical.Net.CalendarComponents;
using IcalCalendar = Ical.Net.Calendar;

namespace Eas.Actors.Sync.Meetings;

/// <summary>
/// What a phone's write to a calendar makes the server send (RFC 5546 3.2.2, 3.2.5; MS-ASCAL 2.2.2.28 MeetingStatus):
/// a meeting the user organizes (MeetingStatus 1 or 9, which the calendar codec keeps as X-EAS-MEETINGSTATUS; or, without
/// it, an ORGANIZER that is the user) with attendees other than the user gets a REQUEST when it is added or when what
/// attendees see changes (time, place, subject, rule, people, status); one that becomes cancelled (MeetingStatus 5 or
/// 13, or STATUS:CANCELLED) or is deleted gets a CANCEL. Meetings the user was invited to, plain appointments and
/// changes only the user sees (a reminder, a category) send nothing. Pure: the caller sends.
/// </summary>
public static class OrganizerScheduling
{
    private static readonly string[] VisibleProperties = ["DTSTART", "DTEND", "DURATION", "RRULE", "EXDATE", "RDATE", "LOCATION", "SUMMARY", "DESCRIPTION", "ATTENDEE", "STATUS", "X-EAS-MEETINGSTATUS"];

    /// <summary>The message to send for a write from <paramref name="before"/> to <paramref name="after"/> (null: created, deleted); null for none.</summary>
    public static ItipOutgoing? Plan(string? before, string? after, string user, DateTime now)
    {
        var old = Read(before);
        var current = Read(after);
        if (current is not null && IsOrganized(current, user))
        {
            var attendees = Attendees(current, user);
            if (attendees.Count == 0) return null;
            if (IsCancelled(current))
                return old is not null && IsCancelled(old) ? null : Outgoing(after!, MeetingMethod.Cancel, attendees, current, now);
            if (old is not null && !Differs(old, current)) return null;
            return Outgoing(after!, MeetingMethod.Request, attendees, current, now);
        }

        if (current is null && old is not null && IsOrganized(old, user) && !IsCancelled(old) && Attendees(old, user) is { Count: > 0 } invited)
            return Outgoing(before!, MeetingMethod.Cancel, invited, old, now);
        return null;
    }

    /// <summary>
    /// For a change of a meeting the user organizes with other attendees: the SEQUENCE the stored event has after the
    /// change, and the one it must have (one above the old one when attendees see the change, RFC 5546 2.1.4; else the
    /// old one); null for anything else (<see cref="OrganizerSequence"/>).
    /// </summary>
    public static (int Current, int Next)? RevisionOf(string before, string after, string user)
    {
        if (Read(before) is not { } old || Read(after) is not { } current) return null;
        if (!IsOrganized(current, user) || Attendees(current, user).Count == 0) return null;
        return (current.Sequence, Differs(old, current) ? old.Sequence + 1 : old.Sequence);
    }

    private static ItipOutgoing Outgoing(string stored, MeetingMethod method, IReadOnlyList<string> attendees, CalendarEvent vevent, DateTime now)
    {
        var prefix = method == MeetingMethod.Cancel ? "Canceled: " : string.Empty;
        return new ItipOutgoing(method, attendees, prefix + (vevent.Summary ?? string.Empty), ItipMessages.FromOrganizer(stored, method, now));
    }

    private static CalendarEvent? Read(string? content)
    {
        if (string.IsNullOrWhiteSpace(content)) return null;
        try
        {
            var calendar = IcalCalendar.Load(content);
            return calendar?.Events.FirstOrDefault(e => e.RecurrenceIdentifier is null) ?? calendar?.Events.FirstOrDefault();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static string? MeetingStatus(CalendarEvent vevent) => vevent.Properties["X-EAS-MEETINGSTATUS"]?.Value?.ToString()?.Trim();

    private static bool IsOrganized(CalendarEvent vevent, string user) => MeetingStatus(vevent) switch
    {
        "1" or "5" or "9" or "13" => true,
        null or "" => string.Equals(InvitationReader.Address(vevent.Organizer?.Value), user, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static bool IsCancelled(CalendarEvent vevent) =>
        MeetingStatus(vevent) is "5" or "13" || string.Equals(vevent.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase);

    private static List<string> Attendees(CalendarEvent vevent, string user) =>
        [.. vevent.Attendees.Select(a => InvitationReader.Address(a.Value)).OfType<string>()
            .Where(a => !string.Equals(a, user, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static bool Differs(CalendarEvent old, CalendarEvent current) =>
        VisibleProperties.Any(name => !ValuesOf(old, name).SequenceEqual(ValuesOf(current, name), StringComparer.Ordinal));

    /// <summary>A property's values as text, sorted; attendees by address only, so their answers change nothing.</summary>
    private static IEnumerable<string> ValuesOf(CalendarEvent vevent, string name) => name == "ATTENDEE"
        ? vevent.Attendees.Select(a => InvitationReader.Address(a.Value)?.ToLowerInvariant() ?? string.Empty).Order(StringComparer.Ordinal)
        : vevent.Properties.AllOf(name).Select(p => p.Value?.ToString() ?? string.Empty).Order(StringComparer.Ordinal);
}

/// <summary>An iTIP message to send as the organizer: its method, its recipients, the mail's subject and the iCalendar text.</summary>
public sealed record ItipOutgoing(MeetingMethod Method, IReadOnlyList<string> Recipients, string Subject, string Calendar);
