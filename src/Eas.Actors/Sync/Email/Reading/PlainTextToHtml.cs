namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// Writes plain text as an HTML fragment (a &lt;div&gt; with markup characters escaped and line ends as
/// &lt;br&gt;), so a text part of a multipart/mixed can sit inside an HTML body between HTML parts, as mail
/// clients show it. Streaming: text may arrive in pieces.
/// </summary>
public sealed class PlainTextToHtml(TextWriter output)
{
    private bool _started;

    /// <summary>Writes the next piece of text.</summary>
    public void Write(ReadOnlySpan<char> text)
    {
        Start();
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': output.Write("&amp;"); break;
                case '<': output.Write("&lt;"); break;
                case '>': output.Write("&gt;"); break;
                case '"': output.Write("&quot;"); break;
                case '\r': break;
                case '\n': output.Write("<br>\r\n"); break;
                default: output.Write(c); break;
            }
        }
    }

    /// <summary>Closes the fragment.</summary>
    public void Complete()
    {
        Start();
        output.Write("</div>");
    }

    private void Start()
    {
        if (_started) return;
        output.Write("<div>");
        _started = true;
    }
}
