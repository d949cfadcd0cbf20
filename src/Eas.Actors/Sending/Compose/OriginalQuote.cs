using System.Globalization;
using System.Text;
using MimeKit;
using MimeKit.Text;

namespace Eas.Actors.Sending.Compose;

/// <summary>
/// The original message as it is appended below the phone's text when a SmartReply or SmartForward comes without
/// ReplaceMime (MS-ASCMD 2.2.3.148): a separator block in the form Outlook writes ("-----Original Message-----"
/// and the original's From, Sent, To, Cc and Subject, encoded-words decoded), then the original's body. A
/// plain-text part gets the original's plain text (its HTML's text when it has none); an HTML part gets the
/// original's HTML body, or its text escaped, inside a blockquote.
/// </summary>
internal sealed class OriginalQuote
{
    private const string Separator = "-----Original Message-----";
    private const string BlockquoteStart = "<blockquote style=\"margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex\">\r\n";

    private readonly List<(string Label, string Value)> _fields;
    private readonly string _plainText;
    private readonly string _htmlBody;

    private OriginalQuote(List<(string Label, string Value)> fields, string plainText, string htmlBody)
    {
        _fields = fields;
        _plainText = plainText;
        _htmlBody = htmlBody;
    }

    /// <summary>
    /// The quote of <paramref name="original"/>, or null when its text is longer than <paramref name="maxTextChars"/>
    /// (it is then attached whole instead, so a huge body never becomes a huge string).
    /// </summary>
    public static OriginalQuote? Create(MimeMessage original, long maxTextChars)
    {
        var plainPart = original.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.IsPlain && !p.IsAttachment);
        var htmlPart = original.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.IsHtml && !p.IsAttachment);
        if (TooLong(plainPart, maxTextChars) || TooLong(htmlPart, maxTextChars)) return null;

        var fields = new List<(string, string)>();
        Add(fields, "From", Format(original.From));
        if (original.Headers.Contains(HeaderId.Date) && original.Date != DateTimeOffset.MinValue) Add(fields, "Sent", FormatDate(original.Date));
        Add(fields, "To", Format(original.To));
        Add(fields, "Cc", Format(original.Cc));
        Add(fields, "Subject", original.Subject ?? string.Empty);
        var html = htmlPart?.GetText(out _);
        var plain = plainPart is null ? html is null ? string.Empty : HtmlText.Convert(html) : TextOf(plainPart);
        return new OriginalQuote(fields, plain, html is null ? EscapedText(plain) : HtmlDocument.BodyContent(html));
    }

    /// <summary>The phone's plain text, a blank line, the separator block, the original's text.</summary>
    public string AppendToPlain(string text)
    {
        var gap = text.Length == 0 ? string.Empty : text.EndsWith('\n') ? "\r\n" : "\r\n\r\n";
        return text + gap + PlainSeparator() + _plainText;
    }

    /// <summary>The phone's HTML with the separator and the blockquoted original inserted before its &lt;/body&gt;.</summary>
    public string AppendToHtml(string html)
    {
        var document = HtmlDocument.WithUtf8Charset(html);
        var at = HtmlDocument.InsertionPoint(document);
        return string.Concat(document.AsSpan(0, at), HtmlSeparator(), BlockquoteStart) + _htmlBody + "\r\n</blockquote>\r\n" + document[at..];
    }

    /// <summary>The text of a plain part, with format=flowed (RFC 3676) undone: the appended text is not flowed.</summary>
    public static string TextOf(TextPart part)
    {
        var text = part.GetText(out _);
        if (!part.IsFlowed) return text;
        var deleteSpace = string.Equals(part.ContentType.Parameters["delsp"], "yes", StringComparison.OrdinalIgnoreCase);
        return new FlowedToText { DeleteSpace = deleteSpace }.Convert(text);
    }

    /// <summary>
    /// Whether a part's text may be longer than <paramref name="maxTextChars"/>, judged without decoding it: its
    /// encoded size (three quarters of it for base64) bounds its decoded bytes, which bound its characters.
    /// </summary>
    private static bool TooLong(TextPart? part, long maxTextChars)
    {
        if (part?.Content?.Stream is not { CanSeek: true } stream) return false;
        var bytes = part.ContentTransferEncoding == ContentEncoding.Base64 ? stream.Length * 3 / 4 : stream.Length;
        return bytes > maxTextChars;
    }

    /// <summary>
    /// A date as Outlook's separator shows it ("Tuesday, March 23, 1998 12:41 PM"), in the original's own zone, which is
    /// named after it since the reader's zone is not known here.
    /// </summary>
    private static string FormatDate(DateTimeOffset date) =>
        date.ToString("dddd, MMMM d, yyyy h:mm tt", CultureInfo.InvariantCulture) + " (UTC" + date.ToString("zzz", CultureInfo.InvariantCulture) + ")";

    /// <summary>Mailboxes as a reader sees them: "Name &lt;address&gt;", or the address alone, display names decoded and unquoted.</summary>
    private static string Format(InternetAddressList list) =>
        string.Join(", ", list.Mailboxes.Select(m => string.IsNullOrEmpty(m.Name) ? m.Address : $"{m.Name} <{m.Address}>"));

    private static void Add(List<(string, string)> fields, string label, string value)
    {
        if (value.Length > 0 || label is "From" or "Subject") fields.Add((label, value));
    }

    private static string EscapedText(string text) => new TextToHtml { OutputHtmlFragment = true }.Convert(text);

    private string PlainSeparator()
    {
        var text = new StringBuilder(Separator).Append("\r\n");
        foreach (var (label, value) in _fields) text.Append(label).Append(": ").Append(value).Append("\r\n");
        return text.Append("\r\n").ToString();
    }

    private string HtmlSeparator()
    {
        var text = new StringBuilder("\r\n<div><br>\r\n").Append(Separator).Append("<br>\r\n");
        foreach (var (label, value) in _fields) text.Append("<b>").Append(label).Append(":</b> ").Append(HtmlDocument.Escape(value)).Append("<br>\r\n");
        return text.Append("</div>\r\n").ToString();
    }
}
