using System.Globalization;

namespace Eas.Mail.Mime;

/// <summary>
/// Reads the Date field (RFC 5322 section 3.3) and the forms mailers actually send: the obsolete zones and
/// two- and three-digit years of section 4.3, a missing day name or comma, a missing zone or seconds, asctime
/// order ("Tue Jan  1 10:00:00 2019"), "GMT+0100", "+01:00", AM/PM, common zone abbreviations ("CET"), dashes
/// ("1-Jan-2019") and ISO 8601. Military one-letter zones and offsets that cannot be real are taken as -0000
/// ("no zone information", as section 4.3 directs).
/// </summary>
public static class MimeDate
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly System.Buffers.SearchValues<char> OffsetChars = System.Buffers.SearchValues.Create("0123456789:");

    /// <summary>The date, or null when <paramref name="value"/> holds no recognisable date.</summary>
    public static DateTimeOffset? Parse(string? value) => TryParse(value, out var date) ? date : null;

    /// <summary>Parses a date; false (and no exception) when no day, month and year can be found.</summary>
    public static bool TryParse(string? value, out DateTimeOffset date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 256) return false;
        var text = StripComments(value).Trim();
        if (text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-' &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date)) return true;

        var parts = new Parts();
        foreach (var token in Tokenize(text))
        {
            if (!parts.Take(token)) return false;
        }

        return parts.TryBuild(out date);
    }

    private static string StripComments(string value)
    {
        var text = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length;)
        {
            if (value[i] == '(') ParameterParser.SkipComment(value, ref i);
            else text.Append(value[i++]);
        }

        return text.ToString();
    }

    /// <summary>Splits on blanks and commas, and between a zone name and a numeric offset ("GMT+0100").</summary>
    private static IEnumerable<string> Tokenize(string text)
    {
        foreach (var raw in text.Split([' ', '\t', ',', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var sign = raw.IndexOfAny(['+', '-'], 1);
            if (sign > 0 && char.IsAsciiLetter(raw[0]) && !raw.AsSpan(sign + 1).ContainsAnyExcept(OffsetChars))
            {
                yield return raw[..sign];
                yield return raw[sign..];
            }
            else if (sign > 0 && raw.Contains(':') && !raw.AsSpan(sign).Contains(':'))
            {
                yield return raw[..sign];
                yield return raw[sign..];
            }
            else if (raw.Count(c => c == '-') == 2 && raw.Any(char.IsAsciiLetter))
            {
                foreach (var piece in raw.Split('-', StringSplitOptions.RemoveEmptyEntries)) yield return piece;
            }
            else
            {
                yield return raw;
            }
        }
    }

    private sealed class Parts
    {
        private int? _day;
        private int? _month;
        private int? _year;
        private int _hour;
        private int _minute;
        private int _second;
        private bool _pm;
        private bool _am;
        private TimeSpan? _offset;

        public bool Take(string token)
        {
            if (token.Length == 0) return true;
            if (token.Contains(':') && char.IsAsciiDigit(token[0])) return TakeTime(token);
            if (token[0] is '+' or '-')
            {
                TakeOffset(token);
                return true;
            }

            if (char.IsAsciiDigit(token[0])) return TakeNumber(token);
            var lower = token.ToLowerInvariant().TrimEnd('.');
            if (lower is "am" or "pm")
            {
                (_am, _pm) = (lower == "am", lower == "pm");
                return true;
            }

            var month = lower.Length >= 3 ? Array.IndexOf(Months, lower[..3]) : -1;
            if (month >= 0 && _month is null)
            {
                _month = month + 1;
                return true;
            }

            if (lower.Length >= 3 && Array.IndexOf(Days, lower[..3]) >= 0) return true;
            if (MimeDateZones.TryGet(lower, out var offset)) _offset ??= offset;
            return true;
        }

        private bool TakeNumber(string token)
        {
            if (!int.TryParse(token.TrimEnd('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return true;
            if (token.Length <= 2 && number is >= 1 and <= 31 && _day is null) _day = number;
            else if (_year is null) _year = token.Length switch { <= 2 => number < 50 ? 2000 + number : 1900 + number, 3 => 1900 + number, _ => number };
            return true;
        }

        private bool TakeTime(string token)
        {
            var fields = token.Split(':');
            if (fields.Length is < 2 or > 3) return false;
            var secondText = fields.Length == 3 ? fields[2].Split('.')[0] : "0";
            if (!int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out _hour) ||
                !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out _minute) ||
                !int.TryParse(secondText, NumberStyles.None, CultureInfo.InvariantCulture, out _second)) return false;
            return _hour < 24 && _minute < 60 && _second <= 60;
        }

        private void TakeOffset(string token)
        {
            var digits = token[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            if (digits.Length is 0 or > 4 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return;
            var (hours, minutes) = digits.Length <= 2 ? (value, 0) : (value / 100, value % 100);
            var offset = hours > 14 || minutes >= 60 ? TimeSpan.Zero : new TimeSpan(hours, minutes, 0);
            _offset = token[0] == '-' ? -offset : offset;
        }

        public bool TryBuild(out DateTimeOffset date)
        {
            date = default;
            if (_day is not { } day || _month is not { } month || _year is not { } year) return false;
            if (year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month)) return false;
            var hour = _pm && _hour < 12 ? _hour + 12 : _am && _hour == 12 ? 0 : _hour;
            date = new DateTimeOffset(year, month, day, hour, _minute, Math.Min(_second, 59), _offset ?? TimeSpan.Zero);
            return true;
        }
    }
}
