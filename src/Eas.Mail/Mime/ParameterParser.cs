using System.Globalization;
using System.Text;

namespace Eas.Mail.Mime;

/// <summary>
/// Reads "value; name=token; name="quoted"" fields (RFC 2045 section 5.1, RFC 2183 section 2) tolerantly: a
/// missing ";" before a parameter, unquoted values with blanks or "=", comments, and stray ";" are accepted.
/// RFC 2231 parameters are then merged: sections "name*0", "name*1*"... are joined in order, and the
/// "charset'language'" prefix with %XX octets of "*" forms is decoded. A plain value holding RFC 2047
/// encoded-words (as Outlook writes file names) is decoded as well.
/// </summary>
internal static class ParameterParser
{
    private const int MaxSection = 999;
    private const int MaxParameters = 64;

    /// <summary>Splits <paramref name="value"/> into its leading value (comments removed) and its parameters.</summary>
    public static (string Head, ParameterList Parameters) Parse(string? value)
    {
        if (string.IsNullOrEmpty(value)) return (string.Empty, ParameterList.Empty);
        var position = 0;
        var head = ReadHead(value, ref position);
        var raw = new List<(string Name, string Value)>();
        while (position < value.Length && raw.Count < MaxParameters)
        {
            SkipSeparators(value, ref position);
            if (position >= value.Length) break;
            var nameStart = position;
            while (position < value.Length && value[position] is not ('=' or ';') && !char.IsWhiteSpace(value[position])) position++;
            var name = value[nameStart..position];
            SkipBlanks(value, ref position);
            if (position >= value.Length || value[position] != '=')
            {
                SkipTo(value, ';', ref position);
                continue;
            }

            position++;
            SkipBlanks(value, ref position);
            var parameterValue = position < value.Length && value[position] == '"'
                ? ReadQuoted(value, ref position)
                : ReadUnquoted(value, ref position);
            if (name.Length > 0) raw.Add((name, parameterValue));
        }

        return (head, Merge(raw));
    }

    private static string ReadHead(string value, ref int position)
    {
        var text = new StringBuilder();
        while (position < value.Length && value[position] != ';')
        {
            var c = value[position];
            if (c == '(')
            {
                SkipComment(value, ref position);
                continue;
            }

            // "text/plain charset=utf-8": a parameter without its ";" ends the head at the blank before it.
            if (char.IsWhiteSpace(c) && text.Length > 0 && StartsParameter(value, position)) break;
            text.Append(c);
            position++;
        }

        return text.ToString().Trim();
    }

    private static bool StartsParameter(string value, int position)
    {
        SkipBlanks(value, ref position);
        var start = position;
        while (position < value.Length && (char.IsAsciiLetterOrDigit(value[position]) || value[position] is '-' or '_' or '*' or '.')) position++;
        return position > start && position < value.Length && value[position] == '=';
    }

    private static ParameterList Merge(List<(string Name, string Value)> raw)
    {
        var result = new List<MimeParameter>();
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, _) in raw)
        {
            var star = name.IndexOf('*');
            var baseName = star < 0 ? name : name[..star];
            if (!done.Add(baseName)) continue;
            var sections = raw.Where(p => p.Name.Length > baseName.Length && p.Name[baseName.Length] == '*'
                                          && p.Name.StartsWith(baseName, StringComparison.OrdinalIgnoreCase)).ToList();
            var merged = sections.Count > 0 ? JoinSections(baseName, sections) : null;
            if (merged is null)
            {
                var plain = raw.First(p => string.Equals(p.Name, baseName, StringComparison.OrdinalIgnoreCase) || p.Name == name);
                merged = EncodedWords.DecodeText(plain.Value);
            }

            result.Add(new MimeParameter(baseName, merged));
        }

        return new ParameterList([.. result]);
    }

    /// <summary>RFC 2231 sections 3 and 4: order the sections, join their octets, decode with the first section's charset.</summary>
    private static string? JoinSections(string baseName, List<(string Name, string Value)> sections)
    {
        var ordered = new SortedDictionary<int, (bool Encoded, string Value)>();
        foreach (var (name, value) in sections)
        {
            // "name*" (one encoded section), "name*N" (plain section N), "name*N*" (encoded section N).
            var suffix = name.AsSpan(baseName.Length + 1);
            var encoded = suffix.Length == 0 || suffix.EndsWith("*");
            if (suffix.Length > 0 && encoded) suffix = suffix[..^1];
            var index = 0;
            if (suffix.Length > 0 && (!int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out index) || index > MaxSection)) continue;
            ordered.TryAdd(index, (encoded, value));
        }

        if (ordered.Count == 0) return null;
        string? charset = null;
        var bytes = new List<byte>();
        var first = true;
        foreach (var (encoded, value) in ordered.Values)
        {
            var text = value;
            if (first && encoded)
            {
                var quote = text.IndexOf('\'');
                var second = quote < 0 ? -1 : text.IndexOf('\'', quote + 1);
                if (second >= 0)
                {
                    charset = text[..quote];
                    text = text[(second + 1)..];
                }
            }

            first = false;
            if (encoded) PercentDecode(text, bytes);
            else bytes.AddRange(Encoding.UTF8.GetBytes(text));
        }

        return MimeCharsets.Decode(bytes.ToArray(), charset);
    }

    private static void PercentDecode(string text, List<byte> bytes)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                bytes.Add(byte.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else if (c < 128) bytes.Add((byte)c);
            else bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }
    }

    private static string ReadQuoted(string value, ref int position)
    {
        var text = new StringBuilder();
        position++;
        while (position < value.Length && value[position] != '"')
        {
            if (value[position] == '\\' && position + 1 < value.Length) position++;
            text.Append(value[position++]);
        }

        position++;
        SkipTo(value, ';', ref position);
        return text.ToString();
    }

    private static string ReadUnquoted(string value, ref int position)
    {
        var start = position;
        SkipTo(value, ';', ref position);
        var text = value[start..Math.Min(position, value.Length)];
        var comment = text.IndexOf(" (", StringComparison.Ordinal);
        return (comment > 0 ? text[..comment] : text).Trim();
    }

    private static void SkipSeparators(string value, ref int position)
    {
        while (position < value.Length)
        {
            if (value[position] == '(') SkipComment(value, ref position);
            else if (value[position] == ';' || char.IsWhiteSpace(value[position])) position++;
            else return;
        }
    }

    private static void SkipBlanks(string value, ref int position)
    {
        while (position < value.Length && char.IsWhiteSpace(value[position])) position++;
    }

    private static void SkipTo(string value, char stop, ref int position)
    {
        while (position < value.Length && value[position] != stop) position++;
    }

    /// <summary>Skips a comment (RFC 5322 section 3.2.2), nested and with quoted-pairs, or to the end if unclosed.</summary>
    internal static void SkipComment(string value, ref int position)
    {
        var depth = 0;
        while (position < value.Length)
        {
            var c = value[position++];
            if (c == '\\') position++;
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return;
        }
    }
}
