using System.Net;
using System.Text;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// An HTML form of a plain text body, for an airsyncbase:BodyPart of a message that has no HTML part: a BodyPart's
/// Type is HTML (MS-ASAIRS 2.2.2.41.3: only 2 SHOULD be asked). Each line is HTML-encoded and ends with <c>&lt;br&gt;</c>.
/// </summary>
internal static class PlainTextHtml
{
    /// <summary>The HTML document holding <paramref name="text"/>.</summary>
    public static string From(string text)
    {
        var builder = new StringBuilder("<html><body><div>", text.Length + 48);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) builder.Append("<br>\r\n");
            builder.Append(WebUtility.HtmlEncode(lines[i]));
        }

        return builder.Append("</div></body></html>").ToString();
    }
}
