using System.Text;

namespace Eas.Mail.Mime;

/// <summary>What each finished tag does to the text: block and line breaks, skipped content, links.</summary>
public sealed partial class HtmlToText
{
    private static readonly HashSet<string> RawTextTags = ["script", "style", "title", "template", "xml", "noembed", "noframes"];
    private static readonly HashSet<string> HeadTags = ["title", "meta", "link", "style", "script", "base", "noscript", "template", "xml", "object", "basefont", "bgsound"];
    private static readonly HashSet<string> ParagraphTags = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "dl", "table", "pre"];
    private static readonly HashSet<string> LineTags = ["div", "tr", "li", "dt", "dd", "section", "article", "header", "footer", "nav", "aside", "main", "figure", "figcaption", "address", "form", "fieldset", "center", "caption", "hr", "details", "summary"];

    private void FinishTag()
    {
        _state = State.Data;
        var name = _name.ToString();
        if (_rawTag is not null)
        {
            if (_endTag && name == _rawTag) _rawTag = null;
            return;
        }

        if (!_endTag && RawTextTags.Contains(name))
        {
            _rawTag = name;
            return;
        }

        if (_inHead)
        {
            if (name is "head" or "body" || (!_endTag && !HeadTags.Contains(name) && !name.Contains(':'))) _inHead = false;
            if (name is "head" or "body") return;
            if (_inHead) return;
        }

        ApplyTag(name);
    }

    private void ApplyTag(string name)
    {
        if (name == "head" && !_endTag) _inHead = true;
        else if (name == "br") _layout.LineBreak();
        else if (ParagraphTags.Contains(name))
        {
            _layout.Block(2);
            if (name == "pre") _layout.Preformatted = Math.Max(0, _layout.Preformatted + (_endTag ? -1 : 1));
        }
        else if (LineTags.Contains(name))
        {
            _layout.Block(1);
            if (name == "li" && !_endTag)
            {
                _layout.Literal('*');
                _layout.Literal(' ');
            }
        }
        else if (name is "td" or "th" && !_endTag) _layout.Space();
        else if (name == "a") Link();
    }

    private void Link()
    {
        CloseLink();
        if (_endTag || string.IsNullOrEmpty(_tagHref) || _tagHref.StartsWith('#')
            || _tagHref.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)) return;
        _openHref = _tagHref;
        _layout.LinkText = new StringBuilder();
    }

    /// <summary>Writes the URL of the open link after its text, unless the text already is the URL.</summary>
    private void CloseLink()
    {
        if (_openHref is { } href)
        {
            var text = _layout.LinkText?.ToString().Trim() ?? string.Empty;
            _layout.LinkText = null;
            _openHref = null;
            var same = text.Equals(href, StringComparison.OrdinalIgnoreCase)
                || ("mailto:" + text).Equals(href, StringComparison.OrdinalIgnoreCase);
            if (!same)
            {
                _layout.Text(' ');
                foreach (var c in "<" + href + ">") _layout.Text(c);
            }
        }
    }
}
