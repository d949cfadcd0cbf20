using Eas.Actors.Sync.Calendar.Ics;
using CalendarPage = Eas.Wire.CodePages.Calendar;

namespace Eas.Actors.Sync.Calendar;

/// <summary>
/// The single-valued elements that are one iCalendar property each: SUMMARY, LOCATION, UID, DTSTAMP (RFC 5545
/// 3.8.1.12, 3.8.1.7, 3.8.4.7, 3.8.7.2) and, for what iCalendar has no property for, the X-properties Outlook uses
/// (X-MICROSOFT-DISALLOW-COUNTER, X-MICROSOFT-ONLINEMEETING…) or this server's own X-EAS-… names, so a phone's value
/// comes back as it sent it.
/// </summary>
internal static class CalendarPropertyMap
{
    private enum Form
    {
        /// <summary>A TEXT value, escaped (RFC 5545 3.3.11).</summary>
        Text,

        /// <summary>Stored as sent: numbers, compact UTC date-times (the same form as iCalendar's UTC DATE-TIME).</summary>
        Raw,

        /// <summary>"1"/"0" stored as TRUE/FALSE.</summary>
        Boolean,
    }

    private static readonly (ushort Tag, string Property, Form Form)[] Map =
    [
        (CalendarPage.Subject, "SUMMARY", Form.Text),
        (CalendarPage.Location, "LOCATION", Form.Text),
        (CalendarPage.UID, "UID", Form.Text),
        (CalendarPage.DtStamp, "DTSTAMP", Form.Raw),
        (CalendarPage.ResponseRequested, "X-EAS-RESPONSEREQUESTED", Form.Raw),
        (CalendarPage.ResponseType, "X-EAS-RESPONSETYPE", Form.Raw),
        (CalendarPage.AppointmentReplyTime, "X-EAS-APPOINTMENTREPLYTIME", Form.Raw),
        (CalendarPage.DisallowNewTimeProposal, "X-MICROSOFT-DISALLOW-COUNTER", Form.Boolean),
        (CalendarPage.OnlineMeetingConfLink, "X-MICROSOFT-ONLINEMEETINGCONFLINK", Form.Text),
        (CalendarPage.OnlineMeetingExternalLink, "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK", Form.Text),
    ];

    public static CalendarItem Read(IcsComponent vevent, CalendarItem item)
    {
        foreach (var (tag, name, form) in Map)
        {
            if (vevent.Value(name) is not { } value) continue;
            var text = form switch
            {
                Form.Text => IcsText.Unescape(value),
                Form.Boolean => value.Trim().Equals("TRUE", StringComparison.OrdinalIgnoreCase) ? "1" : "0",
                _ => Normalize(tag, value.Trim()),
            };
            if (text is { Length: > 0 }) item = item.With(tag, text);
        }

        return item;
    }

    public static void Write(IcsComponent vevent, CalendarItem before, CalendarItem after)
    {
        foreach (var (tag, name, form) in Map)
        {
            if (before[tag] == after[tag]) continue;
            vevent.SetValue(name, after[tag] is not { } value ? null : form switch
            {
                Form.Text => IcsText.Escape(value),
                Form.Boolean => value == "1" ? "TRUE" : "FALSE",
                _ => value,
            });
        }
    }

    /// <summary>A DTSTAMP written in another form (local, DATE) is read as compact UTC where it can be.</summary>
    private static string? Normalize(ushort tag, string value)
    {
        if (tag is not (CalendarPage.DtStamp or CalendarPage.AppointmentReplyTime)) return value;
        return IcsDateTime.Parse(value, null) is { } time ? CompactTime.Format(time.ToInstant(NodaTime.DateTimeZone.Utc)) : null;
    }
}
