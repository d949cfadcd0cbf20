namespace Eas.Mail.Mime.Writing;

/// <summary>
/// The original's attachments a SmartForward carries: every part <see cref="MessageBodies"/> lists as an
/// attachment (all leaves that are not body text, inline images and attached messages included), copied with
/// their Content-* fields (type, disposition and file name, Content-ID, transfer encoding) and their encoded
/// bodies byte for byte, never decoded.
/// </summary>
internal static class ForwardedAttachments
{
    /// <summary>Size difference, as a fraction of the size, within which two same-named attachments are the same file.</summary>
    private const int SizeTolerancePercent = 2;

    public static async Task<List<MimeEntity>> SelectAsync(MemorySource phone, OriginalMessage original, CancellationToken cancellationToken)
    {
        var summary = original.Summary!;
        if (summary.Attachments.Count == 0) return [];
        var measure = new MessageBodyOptions { PlainTextLimit = 0, HtmlLimit = 0 };
        IReadOnlyList<AttachmentInfo> carried;
        await using (var input = phone.OpenRead())
        {
            carried = (await MessageBodies.ExtractAsync(input, measure, cancellationToken).ConfigureAwait(false)).Attachments;
        }

        var result = new List<MimeEntity>();
        foreach (var attachment in summary.Attachments)
        {
            if (carried.Any(c => IsSame(attachment, c))) continue;
            var part = summary.Structure.FindPart(attachment.PartSpecifier)!;
            var fields = part.Headers.Where(MimeEntity.IsContentField).ToList();
            // A part typed only by default (message/rfc822 in a multipart/digest) says so explicitly in its new place.
            var own = part.Headers.Contains("Content-Type") ? null : new[] { HeaderText.Field("Content-Type", part.ContentType.ToString()) };
            result.Add(new CopiedEntity(fields, new CopiedRange(original.Source, part.BodyOffset, part.Size), own));
        }

        return result;
    }

    /// <summary>
    /// Whether the phone's message already carries <paramref name="attachment"/> (a client that forwards with the
    /// attachments it downloaded): the same Content-ID, or the same file name with about the same decoded size.
    /// Sizes are estimates from the encoded form (<see cref="AttachmentInfo.EstimatedDecodedSize"/>), hence the
    /// tolerance.
    /// </summary>
    private static bool IsSame(AttachmentInfo attachment, AttachmentInfo carried)
    {
        if (attachment.ContentId is { } id && string.Equals(id, carried.ContentId, StringComparison.OrdinalIgnoreCase)) return true;
        if (attachment.FileName is null || !string.Equals(attachment.FileName, carried.FileName, StringComparison.OrdinalIgnoreCase)) return false;
        var larger = Math.Max(attachment.EstimatedDecodedSize, carried.EstimatedDecodedSize);
        return Math.Abs(attachment.EstimatedDecodedSize - carried.EstimatedDecodedSize) <= Math.Max(16, larger * SizeTolerancePercent / 100);
    }
}
