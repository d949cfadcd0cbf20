using System.Text;
using System.Text.RegularExpressions;

namespace Eas.Actors.Sending.Compose;

/// <summary>
/// The few places in an HTML body the composer needs, found by plain scanning (no DOM, linear time): where the
/// body ends, what is inside &lt;body&gt;, and the charset a &lt;meta&gt; declares. Tags inside comments or scripts
/// can fool it, which at worst puts the quoted original a little off its place.
/// </summary>
internal static partial class HtmlDocument
{
    /// <summary>Where text appended to the document goes: before the last &lt;/body&gt;, else &lt;/html&gt;, else the end.</summary>
    public static int InsertionPoint(string html)
    {
        var body = LastTag(html, "</body");
        if (body >= 0) return body;
        var end = LastTag(html, "</html");
        return end >= 0 ? end : html.Length;
    }

    /// <summary>What is inside &lt;body&gt;...&lt;/body&gt;, so a whole document can be nested in another's body; without a body tag, what follows &lt;/head&gt; (or everything).</summary>
    public static string BodyContent(string html)
    {
        var open = FirstTag(html, "<body");
        var start = open >= 0 ? html.IndexOf('>', open) + 1 : AfterTag(html, "</head");
        if (start <= 0) start = 0;
        var end = LastTag(html, "</body");
        if (end < start) end = LastTag(html, "</html");
        return end < start ? html[start..] : html[start..end];
    }

    /// <summary>
    /// The document with a charset its &lt;meta&gt; tags declare made "utf-8": the part it sits in is rewritten as
    /// UTF-8, and a browser that believed the old label over the MIME one would show garbage.
    /// </summary>
    public static string WithUtf8Charset(string html)
    {
        var head = FirstTag(html, "<body");
        var declared = MetaCharset().Match(html, 0, head >= 0 ? head : html.Length);
        if (!declared.Success) return html;
        var result = new StringBuilder(html.Length);
        var copied = 0;
        for (; declared.Success; declared = declared.NextMatch())
        {
            var value = declared.Groups["charset"];
            result.Append(html, copied, value.Index - copied).Append("utf-8");
            copied = value.Index + value.Length;
        }

        return result.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>Escapes text for HTML content and attribute values.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>The charset value of a meta tag, either form: http-equiv content "...; charset=x" or charset="x".</summary>
    [GeneratedRegex("""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*(?<charset>[A-Za-z0-9_.:\-]+)""", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex MetaCharset();

    private static int FirstTag(string html, string tag)
    {
        for (var at = html.IndexOf(tag, StringComparison.OrdinalIgnoreCase); at >= 0; at = html.IndexOf(tag, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (EndsName(html, at + tag.Length)) return at;
        }

        return -1;
    }

    private static int LastTag(string html, string tag)
    {
        for (var at = html.LastIndexOf(tag, StringComparison.OrdinalIgnoreCase); at >= 0; at = at == 0 ? -1 : html.LastIndexOf(tag, at - 1, StringComparison.OrdinalIgnoreCase))
        {
            if (EndsName(html, at + tag.Length)) return at;
        }

        return -1;
    }

    private static int AfterTag(string html, string tag)
    {
        var at = FirstTag(html, tag);
        return at < 0 ? 0 : html.IndexOf('>', at) + 1;
    }

    /// <summary>Whether the tag name ends at <paramref name="index"/> ("&lt;body&gt;", "&lt;body class=...", not "&lt;bodyx").</summary>
    private static bool EndsName(string html, int index) => index >= html.Length || html[index] is '>' or '/' or ' ' or '\t' or '\r' or '\n';
}
