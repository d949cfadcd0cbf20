using System.Globalization;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// Birthday (MS-ASCNTC 2.2.2.6) as BDAY (RFC 6350 6.2.5) and Anniversary (2.2.2.3) as ANNIVERSARY (6.2.6; 3.0 cards
/// carry it as <c>X-ANNIVERSARY</c>, Evolution's <c>X-EVOLUTION-ANNIVERSARY</c>, Outlook's <c>X-MS-ANNIVERSARY</c>,
/// Apple's <c>X-ABDATE</c> labelled "Anniversary"). The value is the calendar date (<see cref="ContactDates"/>): written
/// <c>BDAY:19800102</c>, or <c>--0102</c> for the EAS year 1604 that stands for none; read from the basic or extended
/// date forms, with or without a time, and the 4.0 forms without a year. A value that is no date (VALUE=text) is
/// not mapped and stays in the card.
/// </summary>
internal sealed class DateMap(ushort tag, string name, params string[] alternates) : IContactPropertyMap
{
    private static readonly string[] Formats =
        ["yyyyMMdd", "yyyy-MM-dd", "yyyyMMdd'T'HHmmss'Z'", "yyyyMMdd'T'HHmmss", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"];

    public void Read(ContactCardBinding binding)
    {
        foreach (var (index, property) in binding.Unclaimed([name, .. alternates]).OrderBy(c => c.Property.Name == name ? 0 : 1))
        {
            if (property.Name == "X-ABDATE" && !string.Equals(ContactVCardMaps.AppleLabel(binding.Card, property), "Anniversary", StringComparison.OrdinalIgnoreCase)) continue;
            if (Parse(property.Text.Trim()) is not { } day) continue;
            binding.TrySet(tag, ContactDates.Format(day));
            binding.Claim(index, name);
            return;
        }
    }

    public IEnumerable<(string Slot, VCardProperty Property)> Write(ContactItem item, bool explicitFields)
    {
        if (item[tag] is not { } value || ContactDates.Day(value) is not { } day) yield break;
        var text = day.Year == ContactDates.NoYear
            ? day.ToString("'--'MMdd", CultureInfo.InvariantCulture)
            : day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        yield return (name, new VCardProperty(name, text));
    }

    /// <summary>A vCard date (RFC 6350 4.3.1, RFC 2426 3.1.5) as a day; a date without a year in year 1604.</summary>
    internal static DateOnly? Parse(string text)
    {
        if (text.StartsWith("--", StringComparison.Ordinal))
        {
            var digits = text[2..].Replace("-", string.Empty, StringComparison.Ordinal);
            return digits.Length == 4 && DateOnly.TryParseExact($"{ContactDates.NoYear}{digits}", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var partial) ? partial : null;
        }

        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
            return ContactDates.Day(time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time)
            ? DateOnly.FromDateTime(time)
            : null;
    }
}
