namespace Eas.Mail.Mime;

/// <summary>
/// What an EAS item says about an attachment (MS-ASAIRS 2.2.2.7 Attachment) before it is fetched by itself
/// later, by <see cref="PartSpecifier"/> (for example IMAP BODY[2.1]).
/// </summary>
/// <param name="PartSpecifier">The IMAP part specifier (RFC 3501 section 6.4.5).</param>
/// <param name="FileName">
/// Disposition filename, else Content-Type name (RFC 2231 and RFC 2047 forms decoded); for an attached message
/// without one, its subject with ".eml". Null when the part has no name at all.
/// </param>
/// <param name="ContentType">"type/subtype", lower-case.</param>
/// <param name="ContentId">Content-ID without angle brackets (what an HTML body's "cid:" URLs name), or null.</param>
/// <param name="ContentLocation">Content-Location (RFC 2557), or null.</param>
/// <param name="IsInline">
/// Disposition "inline", or no disposition but a Content-ID inside multipart/related (an image the HTML shows).
/// </param>
/// <param name="EncodedSize">The body's size in the message, as encoded.</param>
/// <param name="EstimatedDecodedSize">
/// The decoded size: exact for identity encodings, computed from size and line count for base64 (exact for CRLF
/// lines without padding, a few bytes over otherwise), the encoded size (an upper bound) for quoted-printable.
/// </param>
public sealed record AttachmentInfo(
    string PartSpecifier,
    string? FileName,
    string ContentType,
    string? ContentId,
    string? ContentLocation,
    bool IsInline,
    long EncodedSize,
    long EstimatedDecodedSize);
