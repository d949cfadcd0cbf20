using System.Text;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// The output side of <see cref="HtmlToText"/>: collapses runs of blanks to one space (outside &lt;pre&gt;),
/// turns requested breaks into CRLF line ends, at most two blank lines in a row, and drops breaks and blanks at
/// the start and end of the text. It also records the text written inside a link, bounded.
/// </summary>
internal sealed class HtmlTextLayout(TextWriter output)
{
    private const int MaxBreaks = 3;
    private const int MaxLinkText = 2048;

    private int _breaks;
    private bool _space;
    private bool _wroteAny;
    private bool _lineStart = true;

    /// <summary>How many &lt;pre&gt; elements are open.</summary>
    public int Preformatted { get; set; }

    /// <summary>Text written since a link opened, or null outside links.</summary>
    public StringBuilder? LinkText { get; set; }

    /// <summary>Writes one character of document text.</summary>
    public void Text(char c)
    {
        if (Preformatted == 0 && c is ' ' or '\t' or '\n' or '\r' or '\f')
        {
            if (!_lineStart) _space = true;
            return;
        }

        if (c == '\r') return;
        if (c == '\n')
        {
            LineBreak();
            return;
        }

        Write(c);
    }

    /// <summary>Writes a character that never collapses (a non-breaking space).</summary>
    public void Literal(char c) => Write(c);

    /// <summary>Asks for a blank between words (a table cell boundary).</summary>
    public void Space()
    {
        if (!_lineStart) _space = true;
    }

    /// <summary>A block boundary: at least <paramref name="breaks"/> line ends before the next text (2 leaves a blank line).</summary>
    public void Block(int breaks)
    {
        if (_wroteAny) _breaks = Math.Max(_breaks, breaks);
        _space = false;
    }

    /// <summary>A &lt;br&gt;: one more line end.</summary>
    public void LineBreak()
    {
        if (_wroteAny) _breaks = Math.Min(_breaks + 1, MaxBreaks);
        _space = false;
    }

    private void Write(char c)
    {
        if (_breaks > 0)
        {
            for (var i = 0; i < _breaks; i++) output.Write("\r\n");
            _breaks = 0;
            _lineStart = true;
            _space = false;
        }

        if (_space)
        {
            output.Write(' ');
            if (LinkText is { Length: < MaxLinkText }) LinkText.Append(' ');
            _space = false;
        }

        output.Write(c);
        if (LinkText is { Length: < MaxLinkText }) LinkText.Append(c);
        _lineStart = false;
        _wroteAny = true;
    }
}
