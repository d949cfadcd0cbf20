using System.Text;
using MailKit;
using MimeKit;

namespace Eas.Actors.Mailboxes.Imap.Pim;

/// <summary>
/// The message that carries one contact in an IMAP folder, as Kolab keeps its objects: <c>Subject</c> is the item
/// id (the vCard's UID), so a listing needs only the ENVELOPE; <c>From</c> and <c>To</c> are the account;
/// <c>X-Eas-Pim: contact</c> marks it; the body is one <c>text/vcard; charset=utf-8</c> part (RFC 6350 10.1) in
/// the transfer encoding MimeKit finds best for 7-bit transport (RFC 2045 6). The vCard text is carried as given,
/// never parsed here.
/// </summary>
internal static class ImapPimMessage
{
    /// <summary>The header that marks a PIM message, with the kind it holds.</summary>
    public const string KindHeader = "X-Eas-Pim";

    public const string ContactKind = "contact";

    /// <summary>A new message for <paramref name="itemId"/> holding <paramref name="vcard"/>.</summary>
    public static MimeMessage Build(string account, string itemId, string vcard)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(account, account));
        message.To.Add(new MailboxAddress(account, account));
        message.Subject = itemId;
        message.Date = DateTimeOffset.UtcNow;
        message.Headers.Add(KindHeader, ContactKind);
        var part = new TextPart("vcard");
        part.SetText(Encoding.UTF8, vcard);
        part.ContentTransferEncoding = part.GetBestEncoding(EncodingConstraint.SevenBit);
        message.Body = part;
        return message;
    }

    /// <summary>
    /// The vCard text of a PIM message (its first <c>text/vcard</c> or <c>text/x-vcard</c> part, decoded from its
    /// charset), or null when it has none. Line breaks come back as CRLF, the canonical form of text (RFC 2046 4.1.1)
    /// and what vCard requires (RFC 6350 3.2): a quoted-printable body does not keep how the writer broke its lines.
    /// </summary>
    public static string? VcardOf(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().FirstOrDefault(IsVcard)?.Text is { } text
            ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal)
            : null;

    /// <summary>Whether a fetched BODYSTRUCTURE holds a vCard part.</summary>
    public static bool HasVcard(BodyPart? body) => body switch
    {
        BodyPartMultipart multipart => multipart.BodyParts.Any(HasVcard),
        BodyPartBasic basic => IsVcardType(basic.ContentType),
        _ => false,
    };

    /// <summary>A subject that can be an item id: present and not blank.</summary>
    public static bool IsUsableId(string? subject) => !string.IsNullOrWhiteSpace(subject);

    private static bool IsVcard(MimeEntity part) => IsVcardType(part.ContentType);

    private static bool IsVcardType(ContentType type) => type.IsMimeType("text", "vcard") || type.IsMimeType("text", "x-vcard");
}
