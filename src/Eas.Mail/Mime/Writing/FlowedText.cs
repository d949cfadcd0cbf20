using System.Text;

namespace Eas.Mail.Mime.Writing;

/// <summary>
/// Undoes format=flowed (RFC 3676): a line ending in a space continues on the next line (section 4.2), except
/// the signature separator "-- " (section 4.3); a space that starts a line after its quote marks is stuffing and
/// is removed (section 4.4); a change of quote depth ends a paragraph (section 4.5); with DelSp=yes the space
/// before a soft break is removed too (section 4.2). A phone's text is unflowed before the original is appended
/// to it, since the appended text is not flowed and the part that holds both is written without the parameter.
/// </summary>
internal static class FlowedText
{
    /// <summary>Whether a text/plain part is flowed, and whether its soft breaks delete their space.</summary>
    public static bool IsFlowed(ContentType type, out bool deleteSpace)
    {
        deleteSpace = string.Equals(type.Parameters["delsp"], "yes", StringComparison.OrdinalIgnoreCase);
        return type.Is("text", "plain") && string.Equals(type.Parameters["format"], "flowed", StringComparison.OrdinalIgnoreCase);
    }

    public static string Unflow(string text, bool deleteSpace)
    {
        var lines = text.Split('\n');
        var result = new StringBuilder(text.Length);
        var joining = false;
        var joinDepth = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var depth = line.Length - line.TrimStart('>').Length;
            var content = line[depth..];
            if (content.StartsWith(' ')) content = content[1..];
            if (joining && depth != joinDepth)
            {
                result.Append("\r\n");
                joining = false;
            }

            if (!joining && depth > 0) result.Append('>', depth).Append(' ');
            var flowed = content.EndsWith(' ') && content != "-- ";
            if (flowed)
            {
                result.Append(deleteSpace ? content.AsSpan(0, content.Length - 1) : content);
                (joining, joinDepth) = (true, depth);
                continue;
            }

            result.Append(content);
            if (i < lines.Length - 1) result.Append("\r\n");
            joining = false;
        }

        return result.ToString();
    }
}
