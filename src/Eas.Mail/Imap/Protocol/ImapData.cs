using System.Globalization;

namespace Eas.Mail.Imap.Protocol;

/// <summary>
/// Typed reads of response values for the command parsers, each raising <see cref="ImapProtocolException"/>
/// naming what was expected when the server sent something else (RFC 3501 section 9 grammar).
/// </summary>
internal static class ImapData
{
    public static ImapProtocolException Malformed(string problem) => new($"Malformed IMAP response: {problem}.");

    public static ImapList List(ImapValue value, string what) =>
        value is ImapList { IsSection: false } list ? list : throw Malformed($"{what} should be a list but is {value}");

    /// <summary>A list, or <see langword="null"/> for NIL.</summary>
    public static ImapList? NList(ImapValue value, string what) => value is ImapNil ? null : List(value, what);

    /// <summary>An <c>nstring</c>: a string's text, or <see langword="null"/> for NIL.</summary>
    public static string? NString(ImapValue value, string what) => value switch
    {
        ImapNil => null,
        ImapString text => text.AsText(),
        _ => throw Malformed($"{what} should be a string or NIL but is {value}"),
    };

    /// <summary>A <c>string</c> (quoted or literal); atoms are tolerated, as some servers send them.</summary>
    public static string String(ImapValue value, string what) => value switch
    {
        ImapString text => text.AsText(),
        ImapAtom atom => atom.Value,
        _ => throw Malformed($"{what} should be a string but is {value}"),
    };

    /// <summary>An <c>astring</c> or <c>nstring</c> mailbox name in its wire form.</summary>
    public static string AString(ImapValue value, string what) => String(value, what);

    public static string Atom(ImapValue value, string what) =>
        value is ImapAtom atom ? atom.Value : throw Malformed($"{what} should be an atom but is {value}");

    public static ulong Number(ImapValue value, string what) =>
        value is ImapAtom atom && atom.TryGetNumber(out var number)
            ? number
            : throw Malformed($"{what} should be a number but is {value}");

    public static uint Number32(ImapValue value, string what)
    {
        var number = Number(value, what);
        return number <= uint.MaxValue ? (uint)number : throw Malformed($"{what} {number} exceeds 32 bits");
    }

    public static ulong ParseNumber(string text, string what) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Malformed($"{what} should be a number but is \"{text}\"");

    public static uint ParseNumber32(string text, string what)
    {
        var number = ParseNumber(text, what);
        return number <= uint.MaxValue ? (uint)number : throw Malformed($"{what} {number} exceeds 32 bits");
    }

    public static UidSet ParseUidSet(string text, string what) =>
        UidSet.TryParse(text, out var set) ? set : throw Malformed($"{what} should be a UID set but is \"{text}\"");

    /// <summary>Whether <paramref name="value"/> is the atom <paramref name="name"/>, compared case-insensitively.</summary>
    public static bool IsAtom(ImapValue value, string name) =>
        value is ImapAtom atom && atom.Value.Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The atoms of a flag list such as <c>(\Seen $Forwarded)</c>.</summary>
    public static IReadOnlyList<string> Flags(ImapValue value, string what) =>
        List(value, what).Items.Select(item => Atom(item, "a flag")).ToArray();

    /// <summary>
    /// Splits the raw argument text of a response code such as <c>PERMANENTFLAGS (\Seen \*)</c> or
    /// <c>COPYUID 7 1:3 5:7</c> into words, dropping one level of parentheses.
    /// </summary>
    public static string[] CodeWords(string? arguments) =>
        (arguments ?? "").Replace('(', ' ').Replace(')', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Parses an INTERNALDATE <c>date-time</c> such as <c>"17-Jul-1996 02:44:25 -0700"</c> (RFC 3501 section 9).</summary>
    public static DateTimeOffset DateTime(ImapValue value, string what)
    {
        var text = String(value, what).Trim();
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 3
            && System.DateTime.TryParseExact(
                $"{parts[0]} {parts[1]}", ["d-MMM-yyyy HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && parts[2].Length == 5 && parts[2][0] is '+' or '-'
            && int.TryParse(parts[2].AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            && int.TryParse(parts[2].AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            && hours <= 14 && minutes < 60)
        {
            var offset = new TimeSpan(hours, minutes, 0);
            return new DateTimeOffset(local, parts[2][0] == '-' ? -offset : offset);
        }

        throw Malformed($"{what} should be an IMAP date-time but is \"{text}\"");
    }

    /// <summary>Formats a <c>date-time</c> for APPEND (RFC 3501 section 9: day space-padded to two characters).</summary>
    public static string FormatDateTime(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture,
            $"{value.Day,2}-{value.ToString("MMM", CultureInfo.InvariantCulture)}-{value.Year:D4} {value:HH:mm:ss} {sign}{offset.Hours:D2}{offset.Minutes:D2}");
    }
}
