using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Eas.Actors.Sync.Calendar;

/// <summary>
/// The Compact DateTime of calendar elements (MS-ASDTYPE 2.7.2, "yyyyMMddTHHmmssZ", UTC). Phones that send the
/// extended form ("yyyy-MM-ddTHH:mm:ss.fffZ", MS-ASDTYPE 2.3) are read too; what the server writes is compact.
/// </summary>
public static class CompactTime
{
    private static readonly InstantPattern Compact = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");

    private static readonly InstantPattern CompactNoZone = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");

    public static string Format(Instant instant) => Compact.Format(instant);

    public static bool TryParse(string? text, out Instant instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var value = text.Trim();
        foreach (var pattern in new[] { Compact, InstantPattern.ExtendedIso, CompactNoZone })
        {
            var result = pattern.Parse(value);
            if (result.Success)
            {
                instant = result.Value;
                return true;
            }
        }

        return false;
    }

    /// <summary>The value in compact form.</summary>
    /// <exception cref="FormatException">Not a date-time in either form.</exception>
    public static string Normalize(string text) =>
        TryParse(text, out var instant) ? Format(instant) : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{text}' is no Compact DateTime (MS-ASDTYPE 2.7.2)."));

    public static Instant Parse(string text) =>
        TryParse(text, out var instant) ? instant : throw new FormatException($"'{text}' is no Compact DateTime (MS-ASDTYPE 2.7.2).");
}
