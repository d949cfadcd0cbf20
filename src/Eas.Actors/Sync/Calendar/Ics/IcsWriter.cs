using System.Text;

namespace Eas.Actors.Sync.Calendar.Ics;

/// <summary>
/// Writes components as iCalendar text (RFC 5545 3.1): CRLF line ends, lines folded before 75 octets on a UTF-8
/// character boundary, parameter values quoted where they hold ':', ';' or ','.
/// </summary>
public static class IcsWriter
{
    private const int MaxOctets = 75;

    public static string Write(IcsComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        var text = new StringBuilder();
        Write(text, component);
        return text.ToString();
    }

    private static void Write(StringBuilder text, IcsComponent component)
    {
        Line(text, "BEGIN:" + component.Name);
        foreach (var property in component.Properties) Line(text, Format(property));
        foreach (var child in component.Components) Write(text, child);
        Line(text, "END:" + component.Name);
    }

    internal static string Format(IcsProperty property)
    {
        var line = new StringBuilder(property.Name.ToUpperInvariant());
        foreach (var parameter in property.Parameters)
        {
            line.Append(';').Append(parameter.Name.ToUpperInvariant()).Append('=');
            var value = parameter.Value.Replace("\"", "'", StringComparison.Ordinal);
            if (value.AsSpan().IndexOfAny(":;,") >= 0) line.Append('"').Append(value).Append('"');
            else line.Append(value);
        }

        return line.Append(':').Append(property.Value).ToString();
    }

    private static void Line(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = MaxOctets;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var size = char.IsHighSurrogate(c) && i + 1 < line.Length ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1;
            }

            text.Append(c);
            if (size == 4) text.Append(line[++i]);
            octets += size;
        }

        text.Append("\r\n");
    }
}
