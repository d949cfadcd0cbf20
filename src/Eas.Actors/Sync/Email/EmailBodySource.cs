using System.Text;
using Eas.Wire.Commands;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// One representation of a message's body the server can send: its EAS type, its whole size in bytes
/// (airsyncbase:EstimatedDataSize, MS-ASAIRS 2.2.2.23), whether the content at hand is all of it, and the
/// content as bytes: UTF-8 text for types 1, 2 and 3 (the RTF's base64), raw bytes for MIME, and for MIME possibly the
/// whole message in its buffer (<see cref="Source"/>), which a body sent whole streams from. A stored text or HTML body
/// sent as it is stays in the bytes it was decoded into; only a converted body (HTML to text, text to HTML, RTF) is
/// made from a string.
/// </summary>
internal sealed record EmailBodySource(BodyType Type, long FullSize, bool IsComplete, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>The whole MIME message in the buffer it was fetched into (<see cref="EmailMime.Source"/>); null otherwise.</summary>
    public Eas.Wire.Wbxml.BinaryContent? Source { get; init; }

    /// <summary>The message's native body type (MS-ASAIRS 2.2.2.32): HTML when it has an HTML part, else plain text.</summary>
    public static BodyType NativeType(EmailItem item) => item.Html is not null ? BodyType.Html : BodyType.PlainText;

    /// <summary>
    /// Whether this message goes out as MIME (MS-ASCMD 2.2.3.110.3): MIMESupport 2 sends every message as
    /// MIME, 1 only S/MIME ones, 0 none; and only when the caller supplied the MIME.
    /// </summary>
    public static bool MimeAllowed(EmailItem item, EmailEncodingOptions options) =>
        item.Mime is not null && options.MimeSupport switch
        {
            SyncMimeSupport.Always => true,
            SyncMimeSupport.SmimeOnly => EmailMessageClass.IsSmime(item.MessageClass),
            _ => false,
        };

    /// <summary>The raw message as a type 4 body.</summary>
    public static EmailBodySource Mime(EmailMime mime) =>
        new(BodyType.Mime, mime.Size, mime.Data.Length >= mime.Size, mime.Data) { Source = mime.Source };

    /// <summary>The HTML part as a type 2 body, or plain text (type 1) when the message has no HTML part.</summary>
    public static EmailBodySource HtmlOrText(EmailItem item, EmailEncodingOptions options) =>
        item.Html is { } html ? new(BodyType.Html, html.Size, html.IsComplete, html.Utf8) : PlainText(item, options);

    /// <summary>
    /// An RTF (type 3) body made from the plain text (<see cref="RtfText"/>); its <see cref="Bytes"/> are the RTF's base64,
    /// Data's form for type 3 (MS-ASAIRS 2.2.2.20.1), and its size their length. From a prefix of the text, the
    /// size is the base64 length of the whole text's size, a rough estimate as 2.2.2.23.2 allows.
    /// </summary>
    public static EmailBodySource Rtf(EmailItem item, EmailEncodingOptions options)
    {
        var text = PlainText(item, options);
        var base64 = Encoding.ASCII.GetBytes(RtfText.Base64FromPlainText(text.DecodeText()));
        return new(BodyType.Rtf, text.IsComplete ? base64.Length : Eas.Wire.Wbxml.BinaryContent.Base64Length(text.FullSize), text.IsComplete, base64);
    }

    /// <summary>
    /// The HTML part as a type 2 body, or, for a message without one, its plain text in HTML form
    /// (<see cref="PlainTextHtml"/>): what an airsyncbase:BodyPart carries.
    /// </summary>
    public static EmailBodySource Html(EmailItem item, EmailEncodingOptions options)
    {
        if (item.Html is { } html) return new(BodyType.Html, html.Size, html.IsComplete, html.Utf8);
        var text = PlainText(item, options);
        var converted = Encoding.UTF8.GetBytes(PlainTextHtml.From(text.DecodeText()));
        return new(BodyType.Html, text.IsComplete ? converted.Length : text.FullSize, text.IsComplete, converted);
    }

    /// <summary>
    /// The plain text part as a type 1 body; for an HTML-only message, the HTML converted by the caller's
    /// <see cref="EmailEncodingOptions.HtmlToText"/>. A converted body's size is the converted text's when the
    /// HTML was whole, else the HTML part's size as the best estimate at hand. A message with no text part
    /// at all (an encrypted S/MIME one) has an empty body.
    /// </summary>
    public static EmailBodySource PlainText(EmailItem item, EmailEncodingOptions options)
    {
        if (item.PlainText is { } text) return new(BodyType.PlainText, text.Size, text.IsComplete, text.Utf8);
        if (item.Html is not { } html) return new(BodyType.PlainText, 0, true, ReadOnlyMemory<byte>.Empty);
        var converted = Encoding.UTF8.GetBytes(options.HtmlToText(html.Text));
        var complete = html.IsComplete;
        return new(BodyType.PlainText, complete ? converted.Length : html.Size, complete, converted);
    }

    /// <summary>A text body's content as a string, for the conversions that need one; never for MIME.</summary>
    public string DecodeText() => Encoding.UTF8.GetString(Bytes.Span);
}
