using System.Text;
using MimeKit.Text;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// Turns HTML into readable plain text for a phone that asked for text when a message has only HTML
/// (MS-ASAIRS 2.2.2.12 BodyPreference names the body type a phone wants). MimeKit has no such converter,
/// only an HTML tokenizer (<see cref="HtmlTokenizer"/>, the HTML Living Standard's tokenization, which also
/// decodes character references); this class lays out its tokens as text in one forward pass, with no DOM:
/// it drops script, style, title, the head and comments; makes block elements and &lt;br&gt; into line ends
/// and list items into "* " lines; separates table cells by a blank; collapses blanks outside &lt;pre&gt;; and
/// writes a link's URL in angle brackets after its text ("Docs &lt;https://...&gt;") unless the text already
/// is the URL.
/// </summary>
public sealed class HtmlToText
{
    private static readonly HashSet<string> SkippedContentTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "title", "template", "xml", "noembed", "noframes",
    };

    private static readonly HashSet<string> HeadTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "meta", "link", "style", "script", "base", "noscript", "template", "xml", "object", "basefont", "bgsound",
    };

    private static readonly HashSet<string> ParagraphTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "dl", "table", "pre",
    };

    private static readonly HashSet<string> LineTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "tr", "li", "dt", "dd", "section", "article", "header", "footer", "nav", "aside", "main", "figure",
        "figcaption", "address", "form", "fieldset", "center", "caption", "hr", "details", "summary",
    };

    private readonly HtmlTextLayout _layout;
    private string? _skippedTag;
    private bool _inHead;
    private string? _openHref;

    private HtmlToText(TextWriter output) => _layout = new HtmlTextLayout(output);

    /// <summary>Converts a whole HTML text.</summary>
    public static string Convert(string html)
    {
        using var output = new StringWriter();
        using var input = new StringReader(html);
        Convert(input, output);
        return output.ToString();
    }

    /// <summary>Converts the HTML read from <paramref name="html"/> to its end, writing the text to <paramref name="text"/>.</summary>
    public static void Convert(TextReader html, TextWriter text)
    {
        var converter = new HtmlToText(text);
        var tokenizer = new HtmlTokenizer(html) { DecodeCharacterReferences = true, IgnoreTruncatedTags = true };
        while (tokenizer.ReadNextToken(out var token)) converter.Take(token);
        converter.CloseLink();
    }

    private bool Visible => _skippedTag is null && !_inHead;

    private void Take(HtmlToken token)
    {
        switch (token)
        {
            case HtmlTagToken tag:
                TakeTag(tag);
                break;
            case HtmlDataToken data when token.Kind is HtmlTokenKind.Data or HtmlTokenKind.CData && Visible:
                foreach (var c in data.Data)
                {
                    if (c == '\u00A0') _layout.Literal(' ');
                    else _layout.Text(c);
                }

                break;
        }
    }

    private void TakeTag(HtmlTagToken tag)
    {
        var name = tag.Name;
        if (_skippedTag is not null)
        {
            if (tag.IsEndTag && name.Equals(_skippedTag, StringComparison.OrdinalIgnoreCase)) _skippedTag = null;
            return;
        }

        if (!tag.IsEndTag && !tag.IsEmptyElement && SkippedContentTags.Contains(name))
        {
            _skippedTag = name;
            return;
        }

        if (_inHead)
        {
            var leavesHead = name.Equals("head", StringComparison.OrdinalIgnoreCase) || name.Equals("body", StringComparison.OrdinalIgnoreCase);
            if (leavesHead || (!tag.IsEndTag && !HeadTags.Contains(name) && !name.Contains(':'))) _inHead = false;
            if (leavesHead || _inHead) return;
        }

        Apply(tag, name);
    }

    private void Apply(HtmlTagToken tag, string name)
    {
        if (name.Equals("head", StringComparison.OrdinalIgnoreCase) && !tag.IsEndTag) _inHead = true;
        else if (name.Equals("br", StringComparison.OrdinalIgnoreCase)) _layout.LineBreak();
        else if (ParagraphTags.Contains(name))
        {
            _layout.Block(2);
            if (name.Equals("pre", StringComparison.OrdinalIgnoreCase)) _layout.Preformatted = Math.Max(0, _layout.Preformatted + (tag.IsEndTag ? -1 : 1));
        }
        else if (LineTags.Contains(name))
        {
            _layout.Block(1);
            if (!tag.IsEndTag && name.Equals("li", StringComparison.OrdinalIgnoreCase))
            {
                _layout.Literal('*');
                _layout.Literal(' ');
            }
        }
        else if (!tag.IsEndTag && (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase))) _layout.Space();
        else if (name.Equals("a", StringComparison.OrdinalIgnoreCase)) Link(tag);
    }

    private void Link(HtmlTagToken tag)
    {
        CloseLink();
        if (tag.IsEndTag || !tag.Attributes.TryGetValue("href", out var attribute)) return;
        var href = attribute.Value?.Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)) return;
        _openHref = href;
        _layout.LinkText = new StringBuilder();
    }

    /// <summary>Writes the URL of the open link after its text, unless the text already is the URL.</summary>
    private void CloseLink()
    {
        if (_openHref is not { } href) return;
        var text = _layout.LinkText?.ToString().Trim() ?? string.Empty;
        _layout.LinkText = null;
        _openHref = null;
        var same = text.Equals(href, StringComparison.OrdinalIgnoreCase)
            || ("mailto:" + text).Equals(href, StringComparison.OrdinalIgnoreCase);
        if (same) return;
        _layout.Text(' ');
        foreach (var c in "<" + href + ">") _layout.Text(c);
    }
}
