using System.Text;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// The value escapes of RFC 6350 3.4 (and RFC 2426 5, the same for 3.0): a backslash escapes <c>\</c>, <c>,</c>,
/// <c>;</c>, and <c>\n</c> (or <c>\N</c>) is a line break. Structured values split on unescaped <c>;</c>, lists on
/// unescaped <c>,</c>. A backslash before any other character is dropped and the character kept, as writers in the
/// wild escape <c>:</c> too.
/// </summary>
internal static class VCardText
{
    /// <summary>The text with every escape resolved.</summary>
    public static string Unescape(string raw)
    {
        if (!raw.Contains('\\', StringComparison.Ordinal)) return raw;
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c != '\\' || i == raw.Length - 1)
            {
                builder.Append(c);
                continue;
            }

            var next = raw[++i];
            builder.Append(next is 'n' or 'N' ? '\n' : next);
        }

        return builder.ToString();
    }

    /// <summary>The text escaped for a value: <c>\ , ;</c> and line breaks (CRLF, CR or LF become <c>\n</c>).</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case ',': builder.Append("\\,"); break;
                case ';': builder.Append("\\;"); break;
                case '\r':
                    builder.Append("\\n");
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    break;
                case '\n': builder.Append("\\n"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Splits the raw value on <paramref name="separator"/> where it is not escaped; the parts stay escaped.</summary>
    public static List<string> Split(string raw, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\') i++;
            else if (raw[i] == separator)
            {
                parts.Add(raw[start..i]);
                start = i + 1;
            }
        }

        parts.Add(raw[start..]);
        return parts;
    }

    /// <summary>A structured value from its components, each escaped, joined with <c>;</c>, trailing empty ones kept.</summary>
    public static string Structured(params IEnumerable<string?> components) =>
        string.Join(';', components.Select(c => Escape(c ?? string.Empty)));
}
