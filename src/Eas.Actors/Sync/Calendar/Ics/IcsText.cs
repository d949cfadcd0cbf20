using System.Text;

namespace Eas.Actors.Sync.Calendar.Ics;

/// <summary>TEXT values (RFC 5545 3.3.11): backslash escapes for '\', ';', ',' and newlines, and comma-separated lists.</summary>
public static class IcsText
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': result.Append(@"\\"); break;
                case ';': result.Append(@"\;"); break;
                case ',': result.Append(@"\,"); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': break;
                case '\r' or '\n': result.Append(@"\n"); break;
                default: result.Append(c); break;
            }
        }

        return result.ToString();
    }

    public static string Unescape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 >= value.Length)
            {
                result.Append(value[i]);
                continue;
            }

            var next = value[++i];
            result.Append(next is 'n' or 'N' ? '\n' : next);
        }

        return result.ToString();
    }

    /// <summary>The items of a comma-separated TEXT list (CATEGORIES), unescaped.</summary>
    public static IEnumerable<string> SplitList(string value)
    {
        var item = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                item.Append(value, i, 2);
                i++;
            }
            else if (value[i] == ',')
            {
                yield return Unescape(item.ToString());
                item.Clear();
            }
            else
            {
                item.Append(value[i]);
            }
        }

        yield return Unescape(item.ToString());
    }
}
