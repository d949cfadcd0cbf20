using System.Globalization;
using Eas.Actors.Sync.Calendar.Ics;
using CalendarPage = Eas.Wire.CodePages.Calendar;

namespace Eas.Actors.Sync.Calendar;

/// <summary>
/// The elements that are a property with a vocabulary, or a sub-component:
/// <list type="bullet">
/// <item>Reminder (MS-ASCAL 2.2.2.38, minutes before the start) is the first VALARM whose TRIGGER is a duration
/// before the start (RFC 5545 3.6.6, 3.8.6.3); a new one is ACTION:DISPLAY.</item>
/// <item>BusyStatus (2.2.2.9: 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere) is TRANSP
/// (TRANSPARENT for free) and Outlook's X-MICROSOFT-CDO-BUSYSTATUS, which is read first.</item>
/// <item>Sensitivity (2.2.2.41: 0 normal, 1 personal, 2 private, 3 confidential) is CLASS PUBLIC, X-PERSONAL,
/// PRIVATE, CONFIDENTIAL.</item>
/// <item>MeetingStatus (2.2.2.28) is X-EAS-MEETINGSTATUS, with STATUS:CANCELLED for the cancelled values (5, 7, 13,
/// 15); without it, an event with attendees reads as a meeting (1) and a cancelled one adds 4.</item>
/// <item>Categories are one CATEGORIES list; the body is DESCRIPTION.</item>
/// </list>
/// </summary>
internal static class CalendarStatusMap
{
    private static readonly string[] BusyNames = ["FREE", "TENTATIVE", "BUSY", "OOF", "WORKINGELSEWHERE"];

    public static CalendarItem Read(IcsComponent vevent, CalendarItem item)
    {
        if (Reminder(vevent) is { } minutes) item = item.With(CalendarPage.Reminder, minutes.ToString(CultureInfo.InvariantCulture));
        var busy = vevent.Value("X-MICROSOFT-CDO-BUSYSTATUS")?.Trim().ToUpperInvariant();
        var busyIndex = busy is null ? -1 : Array.IndexOf(BusyNames, busy);
        if (busyIndex >= 0) item = item.With(CalendarPage.BusyStatus, busyIndex.ToString(CultureInfo.InvariantCulture));
        else if (vevent.Value("TRANSP")?.Trim().ToUpperInvariant() is { } transp) item = item.With(CalendarPage.BusyStatus, transp == "TRANSPARENT" ? "0" : "2");
        var sensitivity = vevent.Value("CLASS")?.Trim().ToUpperInvariant() switch
        {
            "PUBLIC" => "0",
            "X-PERSONAL" => "1",
            "PRIVATE" => "2",
            "CONFIDENTIAL" => "3",
            _ => null,
        };
        item = item.With(CalendarPage.Sensitivity, sensitivity);
        var cancelled = string.Equals(vevent.Value("STATUS")?.Trim(), "CANCELLED", StringComparison.OrdinalIgnoreCase);
        var meeting = vevent.Value("X-EAS-MEETINGSTATUS")?.Trim()
            ?? (vevent.Property("ATTENDEE") is not null || cancelled ? ((vevent.Property("ATTENDEE") is not null ? 1 : 0) | (cancelled ? 5 : 0)).ToString(CultureInfo.InvariantCulture) : null);
        item = item.With(CalendarPage.MeetingStatus, meeting);
        var categories = vevent.All("CATEGORIES").SelectMany(c => IcsText.SplitList(c.Value)).Where(c => c.Length > 0);
        var body = vevent.Value("DESCRIPTION") is { } description ? IcsText.Unescape(description) : null;
        return item with { Categories = [.. categories], Body = string.IsNullOrEmpty(body) ? null : body };
    }

    public static void Write(IcsComponent vevent, CalendarItem before, CalendarItem after)
    {
        if (before[CalendarPage.Reminder] != after[CalendarPage.Reminder]) WriteReminder(vevent, after[CalendarPage.Reminder]);
        if (before[CalendarPage.BusyStatus] != after[CalendarPage.BusyStatus])
        {
            var busy = int.TryParse(after[CalendarPage.BusyStatus], CultureInfo.InvariantCulture, out var b) && b is >= 0 and < 5 ? b : (int?)null;
            vevent.SetValue("TRANSP", busy is null ? null : busy == 0 ? "TRANSPARENT" : "OPAQUE");
            vevent.SetValue("X-MICROSOFT-CDO-BUSYSTATUS", busy is null ? null : BusyNames[busy.Value]);
        }

        if (before[CalendarPage.Sensitivity] != after[CalendarPage.Sensitivity])
        {
            vevent.SetValue("CLASS", after[CalendarPage.Sensitivity] switch
            {
                "0" => "PUBLIC",
                "1" => "X-PERSONAL",
                "2" => "PRIVATE",
                "3" => "CONFIDENTIAL",
                _ => null,
            });
        }

        if (before[CalendarPage.MeetingStatus] != after[CalendarPage.MeetingStatus])
        {
            var status = after[CalendarPage.MeetingStatus];
            vevent.SetValue("X-EAS-MEETINGSTATUS", status);
            var cancelled = int.TryParse(status, CultureInfo.InvariantCulture, out var s) && (s & 4) != 0;
            if (cancelled) vevent.SetValue("STATUS", "CANCELLED");
            else if (string.Equals(vevent.Value("STATUS"), "CANCELLED", StringComparison.OrdinalIgnoreCase)) vevent.Remove("STATUS");
        }

        if (!before.Categories.SequenceEqual(after.Categories))
            vevent.SetValue("CATEGORIES", after.Categories.IsDefaultOrEmpty ? null : string.Join(',', after.Categories.Select(IcsText.Escape)));
        if (before.Body != after.Body) vevent.SetValue("DESCRIPTION", after.Body is null ? null : IcsText.Escape(after.Body));
    }

    private static int? Reminder(IcsComponent vevent)
    {
        foreach (var alarm in vevent.Children("VALARM"))
        {
            if (alarm.Property("TRIGGER") is not { } trigger || trigger.Parameter("RELATED")?.ToUpperInvariant() == "END") continue;
            if (trigger.Parameter("VALUE")?.ToUpperInvariant() == "DATE-TIME") continue;
            if (ParseMinutes(trigger.Value) is { } minutes) return Math.Max(0, -minutes);
        }

        return null;
    }

    private static void WriteReminder(IcsComponent vevent, string? minutesText)
    {
        var index = vevent.Components.FindIndex(c => c.Name == "VALARM" && c.Property("TRIGGER") is { } t && ParseMinutes(t.Value) is not null
            && t.Parameter("RELATED")?.ToUpperInvariant() != "END");
        if (!int.TryParse(minutesText, CultureInfo.InvariantCulture, out var minutes) || minutes < 0)
        {
            if (index >= 0) vevent.Components.RemoveAt(index);
            return;
        }

        var alarm = index >= 0 ? vevent.Components[index] : new IcsComponent("VALARM");
        alarm.SetValue("TRIGGER", string.Create(CultureInfo.InvariantCulture, $"-PT{minutes}M"));
        if (alarm.Property("ACTION") is null) alarm.SetValue("ACTION", "DISPLAY");
        if (alarm.Property("DESCRIPTION") is null) alarm.SetValue("DESCRIPTION", "Reminder");
        if (index < 0) vevent.Components.Add(alarm);
    }

    /// <summary>A DURATION (RFC 5545 3.3.6) in whole minutes, signed; null when it is none.</summary>
    internal static int? ParseMinutes(string value)
    {
        var text = value.Trim().ToUpperInvariant();
        var sign = 1;
        if (text.StartsWith('-')) sign = -1;
        text = text.TrimStart('+', '-');
        if (!text.StartsWith('P')) return null;
        long total = 0, number = 0;
        var inTime = false;
        var any = false;
        foreach (var c in text[1..])
        {
            if (char.IsAsciiDigit(c))
            {
                number = number * 10 + (c - '0');
                if (number > 10_000_000) return null;
                any = true;
                continue;
            }

            switch (c)
            {
                case 'T': inTime = true; continue;
                case 'W': total += number * 7 * 24 * 60; break;
                case 'D': total += number * 24 * 60; break;
                case 'H' when inTime: total += number * 60; break;
                case 'M' when inTime: total += number; break;
                case 'S' when inTime: total += number / 60; break;
                default: return null;
            }

            number = 0;
        }

        return any ? (int)(sign * total) : null;
    }
}
