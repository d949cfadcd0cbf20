using System.Globalization;
using System.Runtime.Serialization;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;

namespace Eas.Actors.Sync.Pim;

/// <summary>
/// Stored iCalendar text (RFC 5545) read and written through Ical.Net for the PIM codecs that keep one component per
/// object (tasks as VTODO, notes as VJOURNAL). A physical line that is neither a content line (it has no colon) nor a
/// folded continuation (RFC 5545 3.1) cannot be parsed at all; such lines are dropped, counted and reported, so one
/// broken line costs that line and not the item (the nearest faithful form). Text that still does not parse, or has no
/// calendar, is <see cref="PimContentException"/>.
/// </summary>
public static class PimICalendar
{
    /// <summary>The PRODID this server writes on objects it creates.</summary>
    public const string ProductId = "-//Eas Server//PIM//EN";

    /// <summary>The calendar in <paramref name="content"/>, and how many broken lines were dropped to read it.</summary>
    public static (IcalCalendar Calendar, int DroppedLines) Load(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (text, dropped) = DropBrokenLines(content);
        try
        {
            return (IcalCalendar.Load(text) ?? throw new PimContentException("The text holds no VCALENDAR."), dropped);
        }
        catch (SerializationException e)
        {
            throw new PimContentException("The iCalendar text cannot be read: " + e.Message, e);
        }
        catch (ArgumentException e)
        {
            throw new PimContentException("The iCalendar text cannot be read: " + e.Message, e);
        }
    }

    /// <summary>A new VCALENDAR (VERSION 2.0, this server's PRODID) to hold one component.</summary>
    public static IcalCalendar Create() => new() { ProductId = ProductId, Version = "2.0" };

    /// <summary>The calendar as iCalendar text, CRLF line breaks, folded at 75 octets.</summary>
    public static string Serialize(IcalCalendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;

    /// <summary>
    /// An EAS dateTime (MS-ASDTYPE 2.3, <c>2026-12-07T09:30:00.000Z</c>; the compact <c>20261207T093000Z</c> and the form
    /// without milliseconds are read too) as a UTC <see cref="DateTime"/>; null when it is not one.
    /// </summary>
    public static DateTime? ParseWireTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyyMMdd'T'HHmmss'Z'", "yyyy-MM-dd'T'HH:mm:ss.fff", "yyyy-MM-dd'T'HH:mm:ss"];
        return DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
            : null;
    }

    /// <summary>The MS-ASDTYPE 2.3 form of a time, always with milliseconds and Z.</summary>
    public static string FormatWireTime(DateTime time) =>
        DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The text of a component's first property of that name (an X- property this server keeps), or null.</summary>
    public static string? GetText(CalendarComponent component, string name)
    {
        ArgumentNullException.ThrowIfNull(component);
        return component.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Value?.ToString();
    }

    /// <summary>Replaces every property of that name with one holding <paramref name="value"/>, or removes them for null.</summary>
    public static void SetText(CalendarComponent component, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(component);
        foreach (var old in component.Properties.Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToList())
            component.Properties.Remove(old);
        if (value is not null) component.AddProperty(name, value);
    }

    /// <summary>
    /// A component's body: DESCRIPTION as the plain text and, where a client stored one, the HTML of
    /// <c>X-ALT-DESC;FMTTYPE=text/html</c> (the property Outlook and Thunderbird use for it).
    /// </summary>
    public static PimTextBody ReadBody(RecurringComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        var html = component.Properties
            .Where(p => string.Equals(p.Name, AltDescription, StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault(p => string.Equals(p.Parameters.Get("FMTTYPE"), "text/html", StringComparison.OrdinalIgnoreCase))?.Value?.ToString();
        var plain = component.Description;
        return string.IsNullOrEmpty(plain) && string.IsNullOrEmpty(html) ? PimTextBody.None : new PimTextBody(NullIfEmpty(plain), NullIfEmpty(html));
    }

    /// <summary>Writes a body as DESCRIPTION (the plain text) and X-ALT-DESC (the HTML, when there is one).</summary>
    public static void WriteBody(RecurringComponent component, PimTextBody body)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(body);
        component.Description = body.PlainText;
        SetText(component, AltDescription, null);
        if (!string.IsNullOrEmpty(body.Html))
        {
            var property = new CalendarProperty(AltDescription, body.Html);
            property.Parameters.Set("FMTTYPE", "text/html");
            component.AddProperty(property);
        }
    }

    /// <summary>An iCalendar UTC date-time for a UTC time.</summary>
    public static CalDateTime Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc), "UTC");

    private const string AltDescription = "X-ALT-DESC";

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static (string Text, int Dropped) DropBrokenLines(string content)
    {
        var builder = new StringBuilder(content.Length + 2);
        var dropped = 0;
        foreach (var line in content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Length == 0) continue;
            var continuation = line[0] is ' ' or '\t';
            if (!continuation && !line.Contains(':', StringComparison.Ordinal))
            {
                dropped++;
                continue;
            }

            builder.Append(line.TrimEnd('\r')).Append("\r\n");
        }

        return (builder.ToString(), dropped);
    }
}
