using System.Globalization;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// The dateTime form of MS-ASDTYPE 2.3 that email elements use: <c>2025-06-01T08:00:00.000Z</c>, always UTC.
/// The reader also takes the compact form <c>20250601T080000Z</c> and the form without milliseconds,
/// which some clients send.
/// </summary>
internal static class EmailDateTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyyMMdd'T'HHmmss'Z'",
    ];

    public static string Format(DateTime value) =>
        ToUtc(value).ToString(Formats[0], CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DateTime value) =>
        DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    /// <summary>A value of unspecified kind is taken to be UTC already; a local one is converted.</summary>
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}
