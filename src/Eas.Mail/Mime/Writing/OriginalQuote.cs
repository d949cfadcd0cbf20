using System.Globalization;
using System.Text;

namespace Eas.Mail.Mime.Writing;

/// <summary>
/// The original message as it is appended below the phone's text when a SmartReply or SmartForward comes
/// without ReplaceMime (MS-ASCMD 2.2.3.148): a separator block in the form Outlook writes ("-----Original
/// Message-----" and the original's From, Sent, To, Cc and Subject, encoded-words decoded), then the original's
/// body. A plain-text part gets the original's plain text (converted from HTML by <see cref="HtmlToText"/> when
/// it has none); an HTML part gets the original's HTML body, or its text escaped, inside a blockquote.
/// </summary>
internal sealed class OriginalQuote
{
    private const string Separator = "-----Original Message-----";
    private const string BlockquoteStart = "<blockquote style=\"margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex\">\r\n";

    private readonly List<(string Label, string Value)> _fields;
    private readonly string _plainText;
    private readonly ReadOnlyMemory<char> _htmlBody;

    private OriginalQuote(List<(string Label, string Value)> fields, string plainText, ReadOnlyMemory<char> htmlBody)
    {
        _fields = fields;
        _plainText = plainText;
        _htmlBody = htmlBody;
    }

    /// <summary>The quote of a message whose envelope and bodies <paramref name="summary"/> holds.</summary>
    public static OriginalQuote Create(MessageSummary summary)
    {
        var envelope = summary.Envelope;
        var fields = new List<(string, string)>();
        Add(fields, "From", MailAddress.FormatList(envelope.From));
        if (envelope.Date is { } date) Add(fields, "Sent", FormatDate(date));
        Add(fields, "To", MailAddress.FormatList(envelope.To));
        Add(fields, "Cc", MailAddress.FormatList(envelope.Cc));
        Add(fields, "Subject", envelope.Subject ?? string.Empty);
        var plain = summary.PlainText?.Text ?? string.Empty;
        var html = summary.Html is { } markup ? HtmlDocument.BodyContent(markup.Text) : EscapedText(plain).AsMemory();
        return new OriginalQuote(fields, plain, html);
    }

    /// <summary>The phone's plain text, a blank line, the separator block, the original's text.</summary>
    public IReadOnlyList<ReadOnlyMemory<char>> AppendToPlain(string text)
    {
        var gap = text.Length == 0 ? string.Empty : text.EndsWith('\n') ? "\r\n" : "\r\n\r\n";
        return [text.AsMemory(), gap.AsMemory(), PlainSeparator().AsMemory(), _plainText.AsMemory()];
    }

    /// <summary>The phone's HTML with the separator and the blockquoted original inserted before its &lt;/body&gt;.</summary>
    public IReadOnlyList<ReadOnlyMemory<char>> AppendToHtml(string html)
    {
        var document = HtmlDocument.WithUtf8Charset(html);
        var at = HtmlDocument.InsertionPoint(document);
        return [document.AsMemory(0, at), HtmlSeparator().AsMemory(), BlockquoteStart.AsMemory(), _htmlBody, "\r\n</blockquote>\r\n".AsMemory(), document.AsMemory(at)];
    }

    /// <summary>The separator block and the original's text alone, for a phone message with no text to append to.</summary>
    public IReadOnlyList<ReadOnlyMemory<char>> PlainOnly() => AppendToPlain(string.Empty);

    /// <summary>
    /// A date as Outlook's separator shows it ("Tuesday, March 23, 1998 12:41 PM"), in the original's own zone,
    /// which is named after it since the reader's zone is not known here.
    /// </summary>
    private static string FormatDate(DateTimeOffset date) =>
        date.ToString("dddd, MMMM d, yyyy h:mm tt", CultureInfo.InvariantCulture) + " (UTC" + date.ToString("zzz", CultureInfo.InvariantCulture) + ")";

    private static void Add(List<(string, string)> fields, string label, string value)
    {
        if (value.Length > 0 || label is "From" or "Subject") fields.Add((label, value));
    }

    private static string EscapedText(string text)
    {
        using var html = new StringWriter();
        var converter = new PlainTextToHtml(html);
        converter.Write(text);
        converter.Complete();
        return html.ToString();
    }

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
