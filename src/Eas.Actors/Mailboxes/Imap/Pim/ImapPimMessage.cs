using System.Text;
using Eas.Mail.Pim;
using MailKit;
using MimeKit;

namespace Eas.Actors.Mailboxes.Imap.Pim;

/// <summary>
/// The message that carries one PIM item in an IMAP folder, as Kolab keeps its objects: <c>Subject</c> is the item
/// id (the vCard's or iCalendar object's UID), so a listing needs only the ENVELOPE; <c>From</c> and <c>To</c> are
/// the account; <c>X-Eas-Pim</c> marks it with its kind (<c>contact</c>, <c>event</c>, <c>task</c>, <c>note</c>);
/// the body is one <c>text/vcard; charset=utf-8</c> part (RFC 6350 10.1) for a contact, one
/// <c>text/calendar; charset=utf-8</c> part (RFC 5545 8.1) holding the VCALENDAR for the others, in the transfer
/// encoding MimeKit finds best for 7-bit transport (RFC 2045 6). The text is carried as given, never parsed here.
/// </summary>
internal static class ImapPimMessage
{
    /// <summary>The header that marks a PIM message, with the kind it holds.</summary>
    public const string KindHeader = "X-Eas-Pim";

    public const string ContactKind = "contact";

    /// <summary>The Kolab folder-type (and <see cref="KindHeader"/> value) of a kind: contact, event, task, note.</summary>
    public static string KolabTypeOf(PimKind kind) => kind switch
    {
        PimKind.Contacts => ContactKind,
        PimKind.Calendar => "event",
        PimKind.Tasks => "task",
        PimKind.Notes => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a PIM kind."),
    };

    /// <summary>A new message for <paramref name="itemId"/> of <paramref name="kind"/> holding <paramref name="content"/>.</summary>
    public static MimeMessage Build(string account, string itemId, string content, PimKind kind = PimKind.Contacts)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(account, account));
        message.To.Add(new MailboxAddress(account, account));
        message.Subject = itemId;
        message.Date = DateTimeOffset.UtcNow;
        message.Headers.Add(KindHeader, KolabTypeOf(kind));
        var part = new TextPart(kind == PimKind.Contacts ? "vcard" : "calendar");
        part.SetText(Encoding.UTF8, content);
        part.ContentTransferEncoding = part.GetBestEncoding(EncodingConstraint.SevenBit);
        message.Body = part;
        return message;
    }

    /// <summary>
    /// The item text of a PIM message (its first <c>text/vcard</c>, <c>text/x-vcard</c> or <c>text/calendar</c> part,
    /// decoded from its charset), or null when it has none. Line breaks come back as CRLF, the canonical form of text
    /// (RFC 2046 4.1.1) and what vCard and iCalendar require (RFC 6350 3.2, RFC 5545 3.1): a quoted-printable body
    /// does not keep how the writer broke its lines.
    /// </summary>
    public static string? ContentOf(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().FirstOrDefault(IsItemPart)?.Text is { } text
            ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal)
            : null;

    /// <summary>Whether a fetched BODYSTRUCTURE holds a vCard or iCalendar part.</summary>
    public static bool HasItemPart(BodyPart? body) => body switch
    {
        BodyPartMultipart multipart => multipart.BodyParts.Any(HasItemPart),
        BodyPartBasic basic => IsItemType(basic.ContentType),
        _ => false,
    };

    /// <summary>A subject that can be an item id: present and not blank.</summary>
    public static bool IsUsableId(string? subject) => !string.IsNullOrWhiteSpace(subject);

    private static bool IsItemPart(MimeEntity part) => IsItemType(part.ContentType);

    private static bool IsItemType(ContentType type) =>
        type.IsMimeType("text", "vcard") || type.IsMimeType("text", "x-vcard") || type.IsMimeType("text", "calendar");
}
