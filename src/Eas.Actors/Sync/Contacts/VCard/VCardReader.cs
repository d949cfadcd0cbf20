using System.Collections.Immutable;
using System.Text;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// Reads the first vCard of a text: 4.0 (RFC 6350), 3.0 (RFC 2426) and the 2.1 forms Outlook still writes.
/// <list type="bullet">
/// <item>Lines end in CRLF or a bare LF; a line starting with a space or tab continues the previous one (RFC 6350
/// 3.2). A quoted-printable value ending in <c>=</c> continues on the next line (RFC 2045 6.7 soft break).</item>
/// <item><c>group.NAME;PARAM=a,"b:c";BARE:value</c>: group and name are kept (name in upper case); quoted
/// parameter values, comma lists and RFC 6868 caret escapes are read; a bare parameter (3.0 <c>TEL;WORK</c>) is a
/// TYPE, or the ENCODING when it names one.</item>
/// <item><c>ENCODING=QUOTED-PRINTABLE</c> is decoded in the <c>CHARSET</c> it names (any <see cref="Encoding"/>
/// .NET knows, code pages included); an unknown charset is read as UTF-8 when the bytes are UTF-8, else as
/// ISO-8859-1, with a warning. <c>ENCODING=b</c>/<c>BASE64</c> values stay as they are for the property's mapper.</item>
/// <item>Bounds: a text over <see cref="MaxTextLength"/> characters is refused; a line over
/// <see cref="MaxLineLength"/> is skipped with a warning, as is a line without a name or a colon.</item>
/// </list>
/// </summary>
public static class VCardReader
{
    /// <summary>The longest text read: 2 MiB characters.</summary>
    public const int MaxTextLength = 2 * 1024 * 1024;

    /// <summary>The longest unfolded line kept: 1 MiB characters.</summary>
    public const int MaxLineLength = 1024 * 1024;

    /// <summary>Reads the first vCard of the text.</summary>
    /// <exception cref="VCardFormatException">No BEGIN:VCARD, nothing usable, or over the bounds.</exception>
    public static VCard Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxTextLength) throw new VCardFormatException($"The vCard text is {text.Length} characters, over the {MaxTextLength} this server reads.");

        var warnings = ImmutableArray.CreateBuilder<string>();
        var properties = ImmutableArray.CreateBuilder<VCardProperty>();
        var version = string.Empty;
        var begun = false;
        var depth = 0;
        foreach (var (line, number) in LogicalLines(text))
        {
            if (line.Length > MaxLineLength)
            {
                warnings.Add($"Line {number}: {line.Length} characters, over the {MaxLineLength} this server reads; skipped.");
                continue;
            }

            if (line.Length == 0) continue;
            if (!TryParseLine(line, out var property, out var error))
            {
                if (begun) warnings.Add($"Line {number}: {error}; skipped.");
                continue;
            }

            if (property.Name == "BEGIN" && property.Value.Trim().Equals("VCARD", StringComparison.OrdinalIgnoreCase))
            {
                if (begun) depth++;
                begun = true;
                continue;
            }

            if (!begun) continue;
            if (property.Name == "END" && property.Value.Trim().Equals("VCARD", StringComparison.OrdinalIgnoreCase))
            {
                if (depth-- == 0) break;
                continue;
            }

            if (depth > 0) continue;
            if (property.Name == "VERSION")
            {
                version = property.Value.Trim();
                continue;
            }

            properties.Add(Decode(property, number, warnings));
        }

        if (!begun) throw new VCardFormatException("The text holds no BEGIN:VCARD.");
        if (properties.Count == 0) throw new VCardFormatException($"The vCard holds no usable property ({warnings.Count} lines skipped).");
        return new VCard(version, properties.ToImmutable(), warnings.ToImmutable());
    }

    /// <summary>Physical lines joined into content lines, with the number of the first physical line.</summary>
    private static IEnumerable<(string Line, int Number)> LogicalLines(string text)
    {
        var current = new StringBuilder();
        var start = 0;
        var number = 0;
        var currentNumber = 0;
        var quotedPrintable = false;
        while (start <= text.Length)
        {
            var end = text.IndexOfAny(['\r', '\n'], start);
            var physical = end < 0 ? text[start..] : text[start..end];
            start = end < 0 ? text.Length + 1 : end + (end + 1 < text.Length && text[end] == '\r' && text[end + 1] == '\n' ? 2 : 1);
            number++;

            if (current.Length > 0 && quotedPrintable && current[^1] == '=')
            {
                current.Length--;
                current.Append(physical);
                continue;
            }

            if (physical.Length > 0 && physical[0] is ' ' or '\t' && current.Length > 0)
            {
                if (current.Length <= MaxLineLength) current.Append(physical, 1, physical.Length - 1);
                else current.Append(' ');
                continue;
            }

            if (current.Length > 0) yield return (current.ToString(), currentNumber);
            current.Clear();
            current.Append(physical);
            currentNumber = number;
            var colon = physical.IndexOf(':', StringComparison.Ordinal);
            quotedPrintable = colon > 0 && physical.AsSpan(0, colon).Contains("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase);
        }

        if (current.Length > 0) yield return (current.ToString(), currentNumber);
    }

    private static bool TryParseLine(string line, out VCardProperty property, out string error)
    {
        property = null!;
        var i = 0;
        while (i < line.Length && line[i] != ';' && line[i] != ':') i++;
        if (i == line.Length)
        {
            error = "no colon between name and value";
            return false;
        }

        var fullName = line[..i];
        var dot = fullName.LastIndexOf('.');
        var group = dot > 0 ? fullName[..dot] : null;
        var name = (dot >= 0 ? fullName[(dot + 1)..] : fullName).ToUpperInvariant();
        if (!IsName(name) || (group is not null && !IsName(group.Replace(".", string.Empty, StringComparison.Ordinal))))
        {
            error = $"'{Shorten(fullName)}' is not a property name";
            return false;
        }

        var parameters = ImmutableArray.CreateBuilder<VCardParameter>();
        while (line[i] == ';')
        {
            i++;
            if (!TryParseParameter(line, ref i, out var parameter))
            {
                error = $"a broken parameter in {name}";
                return false;
            }

            if (parameter is not null) parameters.Add(parameter);
        }

        property = new VCardProperty(group, name, parameters.ToImmutable(), line[(i + 1)..]);
        error = string.Empty;
        return true;
    }

    /// <summary>One parameter from <paramref name="i"/> up to the next unquoted ';' or ':' (where i is left).</summary>
    private static bool TryParseParameter(string line, ref int i, out VCardParameter? parameter)
    {
        parameter = null;
        var nameStart = i;
        while (i < line.Length && line[i] is not ('=' or ';' or ':')) i++;
        if (i == line.Length) return false;
        var name = line[nameStart..i].Trim().ToUpperInvariant();
        if (line[i] != '=')
        {
            if (name.Length == 0) return true;
            parameter = name is "QUOTED-PRINTABLE" or "BASE64" or "B" or "8BIT" or "7BIT"
                ? new VCardParameter("ENCODING", name)
                : new VCardParameter("TYPE", name);
            return true;
        }

        i++;
        var values = ImmutableArray.CreateBuilder<string>();
        var value = new StringBuilder();
        var quoted = false;
        for (; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                quoted = !quoted;
                continue;
            }

            if (!quoted && c is ';' or ':') break;
            if (!quoted && c == ',')
            {
                values.Add(value.ToString());
                value.Clear();
                continue;
            }

            if (c == '^' && i + 1 < line.Length && line[i + 1] is 'n' or '^' or '\'')
            {
                i++;
                value.Append(line[i] switch { 'n' => '\n', '\'' => '"', _ => '^' });
                continue;
            }

            value.Append(c);
        }

        if (i == line.Length || !IsName(name)) return false;
        values.Add(value.ToString());
        parameter = new VCardParameter(name, values.ToImmutable());
        return true;
    }

    /// <summary>Resolves a quoted-printable value in its charset; other values come through as they are.</summary>
    private static VCardProperty Decode(VCardProperty property, int number, ImmutableArray<string>.Builder warnings)
    {
        var encoding = property.Parameter("ENCODING");
        var charset = property.Parameter("CHARSET");
        if (charset is null && !string.Equals(encoding, "QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase)) return property;

        var parameters = property.Parameters.Where(p => p.Name != "CHARSET").ToImmutableArray();
        if (!string.Equals(encoding, "QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase)) return property with { Parameters = parameters };

        parameters = parameters.Where(p => p.Name != "ENCODING").ToImmutableArray();
        var bytes = QuotedPrintable.Decode(property.Value);
        var text = VCardCharsets.Decode(bytes, charset, out var unknown);
        if (unknown) warnings.Add($"Line {number}: charset '{charset}' is not known; read as {(VCardCharsets.IsUtf8(bytes) ? "UTF-8" : "ISO-8859-1")}.");
        return property with { Parameters = parameters, Value = NewlinesEscaped(text) };
    }

    /// <summary>Literal line breaks of a decoded value as the <c>\n</c> escape the value form uses.</summary>
    private static string NewlinesEscaped(string text) =>
        text.Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);

    private static bool IsName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
