using System.Text;
using MimeKit.Text;

namespace Eas.Actors.Sending.Compose;

/// <summary>
/// The text a reader sees in an HTML body, for quoting an HTML-only original below a plain-text reply: MimeKit's
/// tokenizer reads the markup (character references decoded); script and style content is dropped; block elements
/// and &lt;br&gt; end lines, at most one blank line between blocks; runs of blanks collapse to one, as a browser shows them.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<HtmlTagId> LineBreaks =
    [
        HtmlTagId.Br, HtmlTagId.P, HtmlTagId.Div, HtmlTagId.TR, HtmlTagId.LI, HtmlTagId.H1, HtmlTagId.H2, HtmlTagId.H3,
        HtmlTagId.H4, HtmlTagId.H5, HtmlTagId.H6, HtmlTagId.BlockQuote, HtmlTagId.Pre, HtmlTagId.Table, HtmlTagId.UL, HtmlTagId.OL, HtmlTagId.HR,
    ];

    public static string Convert(string html)
    {
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader) { DecodeCharacterReferences = true };
        var text = new StringBuilder(html.Length / 2);
        var skipping = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style:
                    if (!tag.IsEmptyElement) skipping = Math.Max(0, skipping + (tag.IsEndTag ? -1 : 1));
                    break;
                case HtmlTagToken tag when LineBreaks.Contains(tag.Id):
                    if (skipping == 0) EndLine(text);
                    break;
                case HtmlDataToken data when skipping == 0 && token is not HtmlScriptDataToken:
                    AppendCollapsed(text, data.Data);
                    break;
            }
        }

        return text.ToString().Trim('\r', '\n', ' ');
    }

    private static void EndLine(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ') text.Length--;
        if (text.Length >= 4 && text[^1] == '\n' && text[^3] == '\n') return;
        text.Append("\r\n");
    }

    private static void AppendCollapsed(StringBuilder text, string data)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                if (text.Length > 0 && text[^1] is not (' ' or '\n')) text.Append(' ');
            }
            else
            {
                text.Append(c);
            }
        }
    }
}
