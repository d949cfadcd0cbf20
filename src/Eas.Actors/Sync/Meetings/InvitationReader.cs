using System.Collections.Immutable;
using Ical.Net;
using IcalCalendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Eas.Actors.Sync.Meetings;

/// <summary>
/// Reads the iCalendar text of an iMIP part (RFC 6047) into a <see cref="MeetingInvitation"/> with Ical.Net. The event
/// read is the series' master (the VEVENT without RECURRENCE-ID) when there is one, else the first: a REQUEST for one
/// occurrence carries only that occurrence (RFC 5546 3.2.2.1). Anything Ical.Net cannot parse, a calendar without a
/// VEVENT or a VEVENT without UID is no meeting (null): the message then syncs as the ordinary mail it also is.
/// </summary>
public static class InvitationReader
{
    /// <summary>The largest calendar part read; a larger one is no invitation this server reads.</summary>
    public const int MaxCalendarChars = 1024 * 1024;

    public static MeetingInvitation? Read(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxCalendarChars) return null;
        try
        {
            var calendar = IcalCalendar.Load(text);
            if ((calendar?.Events.FirstOrDefault(e => e.RecurrenceIdentifier is null) ?? calendar?.Events.FirstOrDefault()) is not { } vevent) return null;
            if (string.IsNullOrWhiteSpace(vevent.Uid) || !HasUidLine(text)) return null;
            return FromEvent(calendar!, vevent, text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static MeetingInvitation FromEvent(IcalCalendar calendar, CalendarEvent vevent, string text)
    {
        var allDay = vevent.DtStart is { HasTime: false };
        var start = Utc(vevent.DtStart);
        var end = Utc(vevent.DtEnd) ?? (start is { } s && vevent.Duration is { } d ? s + d.ToTimeSpanUnspecified() : allDay && start is { } day ? day.AddDays(1) : start);
        return new MeetingInvitation
        {
            Method = MethodOf(calendar.Method),
            Uid = vevent.Uid!,
            Sequence = vevent.Sequence,
            Stamp = Utc(vevent.DtStamp) ?? DateTime.UnixEpoch,
            Start = start,
            End = end,
            AllDay = allDay,
            TimeZoneId = vevent.DtStart?.TzId,
            Summary = vevent.Summary,
            Location = vevent.Location,
            OrganizerAddress = Address(vevent.Organizer?.Value),
            OrganizerName = vevent.Organizer?.CommonName,
            Attendees = [.. vevent.Attendees.Where(a => Address(a.Value) is not null).Select(a => new MeetingAttendee(Address(a.Value)!, a.CommonName, a.ParticipationStatus ?? "NEEDS-ACTION", a.Rsvp))],
            RecurrenceId = Utc(vevent.RecurrenceIdentifier?.StartTime),
            Recurrence = vevent.RecurrenceRule is { } rule && start is { } first ? MeetingRecurrence.From(rule, first) : null,
            ReminderMinutes = ReminderOf(vevent),
            Sensitivity = vevent.Class?.ToUpperInvariant() switch { "PRIVATE" => 2, "CONFIDENTIAL" => 3, _ => 0 },
            BusyStatus = BusyStatusOf(vevent),
            DisallowNewTimeProposal = string.Equals(Text(vevent, "X-MICROSOFT-DISALLOW-COUNTER"), "TRUE", StringComparison.OrdinalIgnoreCase),
            Calendar = text,
        };
    }

    /// <summary>An all-day date is its midnight UTC; a time with an unknown TZID is taken as UTC rather than dropped.</summary>
    private static DateTime? Utc(CalDateTime? value)
    {
        if (value is null) return null;
        if (!value.HasTime) return new DateTime(value.Year, value.Month, value.Day, 0, 0, 0, DateTimeKind.Utc);
        try
        {
            return value.AsUtc;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return DateTime.SpecifyKind(value.Value, DateTimeKind.Utc);
        }
    }

    /// <summary>Whether the text has a UID line at all (Ical.Net makes one up for an event without).</summary>
    private static bool HasUidLine(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^UID[;:]", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    private static MeetingMethod MethodOf(string? method) => method?.Trim().ToUpperInvariant() switch
    {
        "REQUEST" => MeetingMethod.Request,
        "REPLY" => MeetingMethod.Reply,
        "CANCEL" => MeetingMethod.Cancel,
        _ => MeetingMethod.Other,
    };

    /// <summary>A calendar address (RFC 5545 3.3.3) as a mail address: without <c>mailto:</c>; null when it is not one.</summary>
    internal static string? Address(Uri? value)
    {
        if (value is null) return null;
        var text = value.IsAbsoluteUri ? value.OriginalString : value.ToString();
        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) text = text[7..];
        text = Uri.UnescapeDataString(text).Trim();
        return text.Contains('@', StringComparison.Ordinal) ? text : null;
    }

    private static int? ReminderOf(CalendarEvent vevent)
    {
        foreach (var alarm in vevent.Alarms)
        {
            if (alarm.Trigger is { IsRelative: true, Duration: { } duration })
                return (int)Math.Max(0, -duration.ToTimeSpanUnspecified().TotalMinutes);
        }

        return null;
    }

    private static int BusyStatusOf(CalendarEvent vevent) =>
        Text(vevent, "X-MICROSOFT-CDO-INTENDEDSTATUS")?.ToUpperInvariant() switch
        {
            "FREE" => MeetingBusyStatus.Free,
            "TENTATIVE" => MeetingBusyStatus.Tentative,
            "OOF" => MeetingBusyStatus.OutOfOffice,
            "WORKINGELSEWHERE" => MeetingBusyStatus.WorkingElsewhere,
            "BUSY" => MeetingBusyStatus.Busy,
            _ => string.Equals(vevent.Transparency, "TRANSPARENT", StringComparison.OrdinalIgnoreCase) ? MeetingBusyStatus.Free : MeetingBusyStatus.Busy,
        };

    private static string? Text(CalendarEvent vevent, string name) => vevent.Properties[name]?.Value?.ToString();
}
