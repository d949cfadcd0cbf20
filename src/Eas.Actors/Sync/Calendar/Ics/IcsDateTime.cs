using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Eas.Actors.Sync.Calendar.Ics;

/// <summary>
/// A DATE or DATE-TIME value (RFC 5545 3.3.4, 3.3.5): a local date-time that is a whole date, or UTC ("Z"), or
/// local to the property's TZID, or floating (neither).
/// </summary>
public readonly record struct IcsDateTime(LocalDateTime Local, bool IsDate, bool IsUtc, string? TzId)
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");
    private static readonly LocalDateTimePattern DateTimePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");

    /// <summary>The first value of a DTSTART, DTEND, RECURRENCE-ID or EXDATE property; null when it is no date.</summary>
    public static IcsDateTime? Of(IcsProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        var first = property.Value.Split(',')[0];
        return Parse(first, property.Parameter("TZID"));
    }

    /// <summary>Every value of a (comma-separated) EXDATE or RDATE property.</summary>
    public static IEnumerable<IcsDateTime> AllOf(IcsProperty property) =>
        property.Value.Split(',').Select(v => Parse(v, property.Parameter("TZID"))).OfType<IcsDateTime>();

    public static IcsDateTime? Parse(string text, string? tzId)
    {
        var value = text.Trim();
        if (value.Length == 8)
        {
            var date = DatePattern.Parse(value);
            return date.Success ? new IcsDateTime(date.Value.AtMidnight(), true, false, null) : null;
        }

        var utc = value.EndsWith('Z');
        if (utc) value = value[..^1];
        var parsed = DateTimePattern.Parse(value);
        if (!parsed.Success) return null;
        return new IcsDateTime(parsed.Value, false, utc, utc || string.IsNullOrWhiteSpace(tzId) ? null : tzId.Trim());
    }

    /// <summary>The instant, reading local values in <paramref name="zone"/> (RFC 5545 3.3.5: a skipped local time moves on by the gap, an ambiguous one is the first).</summary>
    public Instant ToInstant(DateTimeZone zone) => IsUtc ? Local.InUtc().ToInstant() : zone.AtLeniently(Local).ToInstant();

    /// <summary>The property carrying this value (VALUE=DATE for a date, TZID for a zoned one).</summary>
    public IcsProperty ToProperty(string name)
    {
        if (IsDate) return new IcsProperty(name, [new IcsParameter("VALUE", "DATE")], DatePattern.Format(Local.Date));
        var text = DateTimePattern.Format(Local) + (IsUtc ? "Z" : string.Empty);
        return new IcsProperty(name, TzId is null ? [] : [new IcsParameter("TZID", TzId)], text);
    }

    /// <summary>The value alone, as EXDATE lists it.</summary>
    public string FormatValue() => IsDate ? DatePattern.Format(Local.Date) : DateTimePattern.Format(Local) + (IsUtc ? "Z" : string.Empty);

    public override string ToString() => FormatValue().ToString(CultureInfo.InvariantCulture);
}
