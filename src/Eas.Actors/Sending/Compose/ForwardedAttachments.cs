using MimeKit;

namespace Eas.Actors.Sending.Compose;

/// <summary>
/// The original's attachments a SmartForward carries: every leaf that is not body text (files, inline images with
/// their Content-ID, attached messages), moved with their header fields and their encoded content as MimeKit read
/// them (content stays in the original's file and is copied, never decoded), except those the phone's message
/// already carries.
/// </summary>
internal static class ForwardedAttachments
{
    /// <summary>Size difference, as a fraction of the size, within which two same-named attachments are the same file.</summary>
    private const int SizeTolerancePercent = 2;

    public static List<MimeEntity> Select(MimeMessage original, MimeMessage phone)
    {
        var carried = phone.BodyParts.Where(IsAttachment).ToList();
        var result = new List<MimeEntity>();
        foreach (var attachment in original.BodyParts.Where(IsAttachment))
        {
            if (carried.Any(c => IsSame(attachment, c))) continue;
            // A part typed only by default (message/rfc822 in a multipart/digest) says so explicitly in its new place.
            if (!attachment.Headers.Contains(HeaderId.ContentType)) attachment.Headers.Add(HeaderId.ContentType, attachment.ContentType.MimeType);
            result.Add(attachment);
        }

        return result;
    }

    /// <summary>Whether a leaf is not body text: anything but a text/plain or text/html part that is not marked as an attachment (RFC 2183).</summary>
    private static bool IsAttachment(MimeEntity entity) => !(entity is TextPart { IsAttachment: false } text && (text.IsPlain || text.IsHtml));

    /// <summary>
    /// Whether the phone's message already carries <paramref name="attachment"/> (a client that forwards with the
    /// attachments it downloaded): the same Content-ID, or the same file name with about the same decoded size.
    /// Sizes are estimates from the encoded form, hence the tolerance.
    /// </summary>
    private static bool IsSame(MimeEntity attachment, MimeEntity carried)
    {
        if (attachment.ContentId is { } id && string.Equals(id, carried.ContentId, StringComparison.OrdinalIgnoreCase)) return true;
        var name = (attachment as MimePart)?.FileName;
        if (name is null || !string.Equals(name, (carried as MimePart)?.FileName, StringComparison.OrdinalIgnoreCase)) return false;
        var (a, b) = (EstimatedSize(attachment), EstimatedSize(carried));
        return Math.Abs(a - b) <= Math.Max(16, Math.Max(a, b) * SizeTolerancePercent / 100);
    }

    private static long EstimatedSize(MimeEntity entity)
    {
        if (entity is not MimePart { Content.Stream: { CanSeek: true } stream } part) return -1;
        return part.ContentTransferEncoding == ContentEncoding.Base64 ? stream.Length * 3 / 4 : stream.Length;
    }
}
