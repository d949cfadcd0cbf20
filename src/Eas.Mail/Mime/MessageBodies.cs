namespace Eas.Mail.Mime;

/// <summary>
/// Extracts what an EAS email item needs from a message in one forward pass over its stream: the envelope, the
/// best plain-text and HTML bodies decoded and cut to size, and the attachment list. Attachments are measured
/// but never decoded or buffered, so a message with a 50 MB attachment costs about as much memory as one
/// without.
/// </summary>
public static class MessageBodies
{
    /// <summary>
    /// Reads <paramref name="message"/> once to its end. Throws <see cref="MimeFormatException"/> only when a
    /// <see cref="MimeLimits"/> bound is exceeded; stream errors propagate.
    /// </summary>
    public static async Task<MessageSummary> ExtractAsync(Stream message, MessageBodyOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= MessageBodyOptions.Default;
        var collector = new BodyCollector(options);
        var structure = await new MimeReader(options.Limits).ReadAsync(message, collector, cancellationToken).ConfigureAwait(false);
        var plainParts = BodySelector.Select(structure.Body, html: false, collector.Captured);
        var htmlParts = BodySelector.Select(structure.Body, html: true, collector.Captured);
        var plain = BodySelector.Combine(plainParts, html: false, options.PlainTextLimit, options.Unit);
        var html = htmlParts.Exists(p => p.IsHtml) ? BodySelector.Combine(htmlParts, html: true, options.HtmlLimit, options.Unit) : null;
        var used = new HashSet<MimePart>(plainParts.Concat(htmlParts).Select(p => p.Part), ReferenceEqualityComparer.Instance);
        var attachments = structure.Parts.Where(p => IsAttachment(p, used)).Select(Describe).ToList();
        return new MessageSummary(structure, plain, html, attachments);
    }

    private static bool IsAttachment(MimePart part, HashSet<MimePart> used)
    {
        if (part.Kind == MimePartKind.Multipart || part.IsInsideMessage || used.Contains(part)) return false;
        // Another rendering of the body (text/enriched, text/calendar beside the HTML) is not an attachment.
        var inAlternative = part.Parent?.ContentType.MediaSubtype == "alternative";
        return !(inAlternative && part.ContentType.IsText);
    }

    private static AttachmentInfo Describe(MimePart part)
    {
        var fileName = part.FileName;
        if (fileName is null && part.Kind == MimePartKind.Message)
            fileName = ((part.Children.Count > 0 ? part.Children[0].Headers.GetText("Subject") : null) is { Length: > 0 } subject ? subject : "message") + ".eml";
        var inline = part.ContentDisposition is { } disposition
            ? disposition.IsInline
            : part.ContentId is not null && part.Parent?.ContentType.MediaSubtype == "related";
        return new AttachmentInfo(part.PartSpecifier, fileName, part.ContentType.MimeType, part.ContentId, part.ContentLocation,
            inline, part.Size, EstimateDecodedSize(part));
    }

    private static long EstimateDecodedSize(MimePart part) => part.TransferEncoding switch
    {
        TransferEncoding.Base64 => Math.Max(0, part.Size - 2 * Math.Max(0, part.LineCount - 1)) * 3 / 4,
        _ => part.Size,
    };
}
