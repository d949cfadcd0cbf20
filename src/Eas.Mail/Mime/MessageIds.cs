using System.Text;

namespace Eas.Mail.Mime;

/// <summary>
/// Reads msg-id lists (RFC 5322 section 3.6.4: Message-ID, In-Reply-To, References). Ids are returned without
/// their angle brackets. Comments and the phrases of the obsolete In-Reply-To form (section 4.5.4, "Your
/// message of ...") are skipped, blanks inside brackets (obs-id-left) are removed, and a value with no brackets
/// at all yields its blank- or comma-separated words that contain "@".
/// </summary>
public static class MessageIds
{
    private const int MaxIds = 1_000;

    /// <summary>Every id in the field value, in order; empty when there is none.</summary>
    public static IReadOnlyList<string> Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        var ids = new List<string>();
        var position = 0;
        while (position < value.Length && ids.Count < MaxIds)
        {
            var c = value[position];
            if (c == '(') ParameterParser.SkipComment(value, ref position);
            else if (c == '"') SkipQuoted(value, ref position);
            else if (c == '<') ReadBracketed(value, ref position, ids);
            else position++;
        }

        if (ids.Count > 0 || value.Contains('<')) return ids;
        return value.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.Contains('@'))
            .Take(MaxIds)
            .ToList();
    }

    /// <summary>The first id in the value (the Message-ID field holds one), or null.</summary>
    public static string? ParseFirst(string? value) => Parse(value) is [var first, ..] ? first : null;

    /// <summary>An id in its wire form, in angle brackets.</summary>
    public static string Format(string id) => "<" + id + ">";

    private static void ReadBracketed(string value, ref int position, List<string> ids)
    {
        position++;
        var id = new StringBuilder();
        while (position < value.Length && value[position] != '>')
        {
            var c = value[position];
            if (c == '<')
            {
                id.Clear();
                position++;
                continue;
            }

            if (!char.IsWhiteSpace(c)) id.Append(c);
            position++;
        }

        position++;
        if (id.Length > 0) ids.Add(id.ToString());
    }

    private static void SkipQuoted(string value, ref int position)
    {
        position++;
        while (position < value.Length && value[position] != '"')
        {
            if (value[position] == '\\') position++;
            position++;
        }

        position++;
    }
}
