using System.Text;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// Writes a vCard 4.0 (RFC 6350): BEGIN, VERSION:4.0 right after it (6.7.9 requires that place), the properties
/// in order, END; every line ends in CRLF and is folded before 75 octets (3.2) without splitting a UTF-8 sequence
/// (a continuation line starts with one space, counted in its 75). Parameter values are quoted when they hold
/// <c>: ; ,</c> and use RFC 6868 caret escapes for <c>^</c>, line breaks and <c>"</c>. Values are written as the
/// properties hold them, escaped already (<see cref="VCardProperty.Value"/>).
/// </summary>
public static class VCardWriter
{
    /// <summary>The longest line in octets, CRLF excluded (RFC 6350 3.2).</summary>
    public const int MaxLineOctets = 75;

    /// <summary>The card as text.</summary>
    public static string Write(IEnumerable<VCardProperty> properties)
    {
        var output = new StringBuilder();
        AppendFolded(output, "BEGIN:VCARD");
        AppendFolded(output, "VERSION:4.0");
        foreach (var property in properties) AppendFolded(output, Line(property));
        AppendFolded(output, "END:VCARD");
        return output.ToString();
    }

    /// <summary>The unfolded content line of one property.</summary>
    public static string Line(VCardProperty property)
    {
        var line = new StringBuilder();
        if (!string.IsNullOrEmpty(property.Group)) line.Append(property.Group).Append('.');
        line.Append(property.Name);
        foreach (var parameter in property.Parameters)
        {
            line.Append(';').Append(parameter.Name).Append('=');
            line.AppendJoin(',', parameter.Values.Select(ParameterValue));
        }

        return line.Append(':').Append(property.Value).ToString();
    }

    private static string ParameterValue(string value)
    {
        var escaped = value.Replace("^", "^^", StringComparison.Ordinal)
            .Replace("\r\n", "^n", StringComparison.Ordinal).Replace("\n", "^n", StringComparison.Ordinal)
            .Replace("\"", "^'", StringComparison.Ordinal);
        return escaped.AsSpan().IndexOfAny(":;,") >= 0 ? $"\"{escaped}\"" : escaped;
    }

    /// <summary>Appends the line folded into pieces of at most 75 UTF-8 octets, each ending in CRLF.</summary>
    private static void AppendFolded(StringBuilder output, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                output.Append("\r\n ");
                octets = 1;
            }

            output.Append(rune.ToString());
            octets += size;
        }

        output.Append("\r\n");
    }
}
