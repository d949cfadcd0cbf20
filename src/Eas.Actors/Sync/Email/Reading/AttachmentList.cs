using System.Collections.Immutable;
using MimeKit;
using MimeKit.Utils;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// The attachments of a message as EAS lists them (MS-ASAIRS 2.2.2.7 Attachment): every part that is not body
/// text, a multipart, inside an attached message, or another rendering of the body (text/enriched or
/// text/calendar beside the HTML in a multipart/alternative), in message order. Each is described without
/// being decoded; its IMAP part specifier stands in the FileReference until the caller qualifies it with
/// folder and UID, so the part can be fetched by itself later (BODY[2.1]).
/// </summary>
public static class AttachmentList
{
    /// <summary>The attachments of <paramref name="stored"/>, skipping the parts in <paramref name="bodyParts"/>.</summary>
    public static ImmutableArray<EmailAttachment> Of(StoredMessage stored, IReadOnlySet<MimeEntity> bodyParts)
    {
        var attachments = ImmutableArray.CreateBuilder<EmailAttachment>();
        if (stored.Message.Body is { } body) Collect(stored, body, null, bodyParts, attachments);
        return attachments.ToImmutable();
    }

    private static void Collect(StoredMessage stored, MimeEntity part, Multipart? parent, IReadOnlySet<MimeEntity> bodyParts, ImmutableArray<EmailAttachment>.Builder attachments)
    {
        if (part is Multipart multipart && ImapPartNumbers.IsSplitMultipart(part))
        {
            foreach (var child in multipart) Collect(stored, child, multipart, bodyParts, attachments);
            return;
        }

        if (bodyParts.Contains(part)) return;
        var inAlternative = parent?.ContentType.MediaSubtype.Equals("alternative", StringComparison.OrdinalIgnoreCase) ?? false;
        if (inAlternative && part.ContentType.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase)) return;
        attachments.Add(Describe(stored, part, parent));
    }

    private static EmailAttachment Describe(StoredMessage stored, MimeEntity part, Multipart? parent)
    {
        var number = stored.PartNumber(part);
        var contentId = ContentIdOf(part);
        var inline = part.ContentDisposition?.Disposition is { Length: > 0 } disposition
            ? disposition.Trim().Equals("inline", StringComparison.OrdinalIgnoreCase)
            : contentId is not null && (parent?.ContentType.MediaSubtype.Equals("related", StringComparison.OrdinalIgnoreCase) ?? false);
        return new EmailAttachment(FileNameOf(part) ?? $"attachment-{number}", part.ContentType.MimeType.ToLowerInvariant(), EstimateDecodedSize(stored, part), number)
        {
            ContentId = contentId,
            ContentLocation = ContentLocationOf(part),
            IsInline = inline,
        };
    }

    /// <summary>
    /// Disposition filename, else Content-Type name (RFC 2231 and RFC 2047 forms decoded by MimeKit); for an
    /// attached message without one, its subject with ".eml".
    /// </summary>
    private static string? FileNameOf(MimeEntity part)
    {
        var name = NullIfBlank(part.ContentDisposition?.FileName) ?? NullIfBlank(part.ContentType.Name);
        if (name is not null || part is not MessagePart message) return name;
        return (NullIfBlank(message.Message?.Subject) ?? "message") + ".eml";
    }

    /// <summary>The Content-ID (RFC 2045 section 7) without angle brackets, or null.</summary>
    private static string? ContentIdOf(MimeEntity part) =>
        part.Headers[HeaderId.ContentId] is { } value ? MimeUtils.ParseMessageId(value) ?? NullIfBlank(value.Trim('<', '>', ' ', '\t')) : null;

    /// <summary>The Content-Location URI (RFC 2557 section 4.2) with folding blanks removed, or null.</summary>
    private static string? ContentLocationOf(MimeEntity part) =>
        part.Headers[HeaderId.ContentLocation] is { } value ? NullIfBlank(string.Concat(value.Where(c => !char.IsWhiteSpace(c))).Trim('"')) : null;

    /// <summary>
    /// The decoded size without decoding: exact for identity encodings, computed from size and line count for
    /// base64 (exact for CRLF lines without padding, a few bytes over otherwise), the encoded size (an upper bound)
    /// for quoted-printable and the rest.
    /// </summary>
    private static long EstimateDecodedSize(StoredMessage stored, MimeEntity part)
    {
        var extent = stored.Extent(part);
        return part is MimePart { ContentTransferEncoding: ContentEncoding.Base64 }
            ? Math.Max(0, extent.Size - 2 * Math.Max(0, extent.Lines - 1)) * 3 / 4
            : extent.Size;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
