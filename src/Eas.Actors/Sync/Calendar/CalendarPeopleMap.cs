using Eas.Actors.Sync.Calendar.Ics;
using CalendarPage = Eas.Wire.CodePages.Calendar;

namespace Eas.Actors.Sync.Calendar;

/// <summary>
/// Organizer and attendees (MS-ASCAL 2.2.2.35, 2.2.2.36, 2.2.2.3) as ORGANIZER and ATTENDEE (RFC 5545 3.8.4.3,
/// 3.8.4.1): the address as a mailto: URI, the name as CN. AttendeeStatus (2.2.2.5: 0 unknown, 2 tentative, 3 accepted,
/// 4 declined, 5 not responded) is PARTSTAT (none, TENTATIVE, ACCEPTED, DECLINED, NEEDS-ACTION); AttendeeType
/// (2.2.2.6: 1 required, 2 optional, 3 resource) is ROLE=REQ-PARTICIPANT, ROLE=OPT-PARTICIPANT and CUTYPE=RESOURCE.
/// An attendee line the phone did not change keeps its other parameters (RSVP, SENT-BY, …).
/// </summary>
internal static class CalendarPeopleMap
{
    public static CalendarItem Read(IcsComponent vevent, CalendarItem item)
    {
        if (vevent.Property("ORGANIZER") is { } organizer)
        {
            item = item.With(CalendarPage.OrganizerEmail, Address(organizer.Value))
                .With(CalendarPage.OrganizerName, organizer.Parameter("CN") is { Length: > 0 } cn ? cn : null);
        }

        var attendees = vevent.All("ATTENDEE").Select(a => new CalendarAttendee(
            Address(a.Value) ?? string.Empty, a.Parameter("CN") ?? string.Empty, Status(a.Parameter("PARTSTAT")), Type(a))).Where(a => a.Email.Length > 0);
        return item with { Attendees = [.. attendees] };
    }

    public static void Write(IcsComponent vevent, CalendarItem before, CalendarItem after)
    {
        if (before[CalendarPage.OrganizerEmail] != after[CalendarPage.OrganizerEmail] || before[CalendarPage.OrganizerName] != after[CalendarPage.OrganizerName])
        {
            var existing = vevent.Property("ORGANIZER") ?? new IcsProperty("ORGANIZER", [], string.Empty);
            var organizer = after[CalendarPage.OrganizerEmail] is { } email
                ? (existing with { Value = "mailto:" + email }).WithParameter("CN", after[CalendarPage.OrganizerName])
                : null;
            vevent.Set("ORGANIZER", organizer);
        }

        if (before.Attendees.SequenceEqual(after.Attendees)) return;
        var old = vevent.All("ATTENDEE").ToList();
        var lines = after.Attendees.Select(a =>
        {
            var line = old.Find(o => string.Equals(Address(o.Value), a.Email, StringComparison.OrdinalIgnoreCase))
                ?? new IcsProperty("ATTENDEE", [], string.Empty);
            return (line with { Value = "mailto:" + a.Email })
                .WithParameter("CN", a.Name.Length > 0 ? a.Name : null)
                .WithParameter("PARTSTAT", PartStat(a.Status))
                .WithParameter("ROLE", a.Type switch { "1" => "REQ-PARTICIPANT", "2" => "OPT-PARTICIPANT", "3" => "NON-PARTICIPANT", _ => null })
                .WithParameter("CUTYPE", a.Type == "3" ? "RESOURCE" : line.Parameter("CUTYPE") is "RESOURCE" or "ROOM" ? null : line.Parameter("CUTYPE"));
        }).ToList();
        var index = vevent.Properties.FindIndex(p => p.Is("ATTENDEE"));
        vevent.Remove("ATTENDEE");
        if (index < 0 || index > vevent.Properties.Count) vevent.Properties.AddRange(lines);
        else vevent.Properties.InsertRange(index, lines);
    }

    private static string? Address(string value)
    {
        var text = value.Trim();
        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) text = text[7..];
        return text.Length > 0 ? text : null;
    }

    private static string? Status(string? partStat) => partStat?.ToUpperInvariant() switch
    {
        "TENTATIVE" => "2",
        "ACCEPTED" => "3",
        "DECLINED" => "4",
        "NEEDS-ACTION" => "5",
        null => null,
        _ => "0",
    };

    private static string? PartStat(string? status) => status switch
    {
        "2" => "TENTATIVE",
        "3" => "ACCEPTED",
        "4" => "DECLINED",
        "5" => "NEEDS-ACTION",
        "0" => "X-UNKNOWN",
        _ => null,
    };

    private static string? Type(IcsProperty attendee)
    {
        if (attendee.Parameter("CUTYPE")?.ToUpperInvariant() is "RESOURCE" or "ROOM") return "3";
        return attendee.Parameter("ROLE")?.ToUpperInvariant() switch
        {
            "REQ-PARTICIPANT" or "CHAIR" => "1",
            "OPT-PARTICIPANT" or "NON-PARTICIPANT" => "2",
            _ => null,
        };
    }
}
