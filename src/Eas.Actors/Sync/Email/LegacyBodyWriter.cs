using Eas.Wire.Wbxml;
using EmailPage = Eas.Wire.CodePages.Email;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// Writes the 2.5 body forms into ApplicationData. When MIMESupport allows MIME for the message
/// (MS-ASCMD 2.2.3.110.3) the body goes as email:MIMEData, MIMETruncated and MIMESize (MS-ASEMAIL 2.2.2.50-52,
/// cut by airsync:MIMETruncation); otherwise as plain text in email:Body with BodyTruncated and, when cut,
/// BodySize (2.2.2.10.2, 2.2.2.13, 2.2.2.12), cut by airsync:Truncation. Both sizes count characters (UTF-16 units,
/// counted on the UTF-8 body without decoding it; a cut never splits a surrogate pair); MIME
/// is counted in bytes, which for 7-bit MIME is the same. Body and MIMEData are both strings (MS-ASEMAIL 2.2.2.10.2,
/// 2.2.2.50: "a string data type"): the MIME bytes go out as they are in an inline string, a NUL byte as a space; they
/// are UTF-8, a stored message that is not coming as its 7-bit form (<see cref="Reading.StoredMessageReader"/>).
/// </summary>
internal static class LegacyBodyWriter
{
    public static void Write(WbxmlElement parent, EmailItem item, EmailEncodingOptions options)
    {
        if (EmailBodySource.MimeAllowed(item, options))
        {
            var mime = item.Mime!;
            var data = TextTruncation.BytePrefix(mime.Data, LegacyTruncation.MimeLimit(options.MimeTruncation));
            if (data.Length > 0) parent.Add(WbxmlElement.WithStringBytes(EmailPage.MIMEData, data));
            parent.Add(EmailElements.Boolean(EmailPage.MIMETruncated, data.Length < mime.Size));
            parent.Add(EmailElements.Number(EmailPage.MIMESize, mime.Size));
            return;
        }

        var source = EmailBodySource.PlainText(item, options);
        var text = TextTruncation.CharPrefix(source.Bytes, LegacyTruncation.TextLimit(options.Truncation));
        var truncated = !(source.IsComplete && text.Length == source.Bytes.Length);
        if (text.Length > 0 || !truncated) parent.Add(WbxmlElement.WithUtf8Text(EmailPage.Body, text));
        if (truncated) parent.Add(EmailElements.Number(EmailPage.BodySize, source.IsComplete ? TextTruncation.CharCount(source.Bytes.Span) : source.FullSize));
        parent.Add(EmailElements.Boolean(EmailPage.BodyTruncated, truncated));
    }
}
