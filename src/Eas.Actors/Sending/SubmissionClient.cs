using MailKit.Net.Smtp;
using MimeKit;

namespace Eas.Actors.Sending;

/// <summary>
/// MailKit's SMTP client with one change for the messages phones write: a message whose header fields carry raw
/// UTF-8 (RFC 6532 form, which iOS and Android write for a non-ASCII Subject or display name) goes with
/// <c>BODY=8BITMIME</c> (RFC 6152), as mail clients send it. MailKit asks for 8BITMIME only when a body part is
/// declared 8bit; for 8-bit headers alone it would send them undeclared. SMTPUTF8 (RFC 6531) stays reserved for
/// addresses that need it: asking it for headers makes Postfix insist on it for every next hop, and Dovecot 2.3's
/// LMTP does not offer it, so the message would bounce instead of being delivered.
/// </summary>
internal sealed class SubmissionClient(bool hasEightBitBytes) : SmtpClient
{
    /// <summary>
    /// Lets MimeKit fit the parts to what the server takes (an over-long line or 8-bit text for a 7-bit server
    /// is re-encoded), then, when the message still holds 8-bit bytes that no part declares, declares the first
    /// 7-bit text leaf 8bit: a 7-bit-clean part may always be labelled 8bit (RFC 2045 section 6.2), and the label
    /// makes MailKit announce the 8-bit content the header fields hold.
    /// </summary>
    protected override void Prepare(FormatOptions options, MimeMessage message, EncodingConstraint constraint, int maxLineLength)
    {
        base.Prepare(options, message, constraint, maxLineLength);
        if (!hasEightBitBytes || constraint == EncodingConstraint.SevenBit) return;
        var leaves = message.BodyParts.OfType<MimePart>().ToList();
        if (leaves.Any(part => part.ContentTransferEncoding is ContentEncoding.EightBit or ContentEncoding.Binary)) return;
        if (leaves.FirstOrDefault(part => part.ContentTransferEncoding is ContentEncoding.SevenBit or ContentEncoding.Default) is { } plain)
            plain.ContentTransferEncoding = ContentEncoding.EightBit;
    }
}
