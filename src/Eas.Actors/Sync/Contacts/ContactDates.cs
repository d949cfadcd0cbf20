using System.Globalization;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// Birthday and Anniversary (MS-ASCNTC 2.2.2.6, 2.2.2.3) are dateTime values (MS-ASDTYPE 2.3) of what is a calendar
/// date: phones send the local midnight of the day in UTC, so a phone at UTC+2 sends 1980-01-01T22:00:00.000Z for
/// January 2nd and one at UTC-5 sends 1980-01-02T05:00:00.000Z. The day is the UTC day of the nearest midnight
/// (12:00 and later rounds up: no zone is more than 12 hours behind UTC or 14 ahead of it, and 12-14 ahead is
/// where the date line makes no rule right). The stored and sent form is that day at 00:00:00.000Z.
/// A date without a year (vCard 4.0 <c>--MMDD</c>, RFC 6350 4.3.1) is year 1604 in EAS, as iOS and Outlook write it.
/// </summary>
internal static class ContactDates
{
    /// <summary>The year EAS gives a date without one.</summary>
    public const int NoYear = 1604;

    private const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The wire value's calendar day as midnight UTC; the text unchanged when it is not a date.</summary>
    public static string Normalize(string wire) => Day(wire) is { } day ? Format(day) : wire;

    /// <summary>The calendar day of a wire value, or null when it is not a date.</summary>
    public static DateOnly? Day(string wire)
    {
        if (!DateTime.TryParse(wire, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
            return null;
        return DateOnly.FromDateTime(time.AddHours(12).Date == time.Date ? time.Date : time.Date.AddDays(1));
    }

    /// <summary>The wire form of a day: midnight UTC.</summary>
    public static string Format(DateOnly day) => day.ToDateTime(TimeOnly.MinValue).ToString(WireFormat, CultureInfo.InvariantCulture);
}
