namespace Eas.Mail.Mime;

/// <summary>
/// The handler <see cref="MessageBodies"/> gives the reader: it decodes every part that could be body text and
/// lets everything else (attachments) pass unread, so the reader skips it without decoding.
/// </summary>
internal sealed class BodyCollector(MessageBodyOptions options) : IMimePartHandler
{
    public Dictionary<MimePart, CapturedText> Captured { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Text/plain and text/html not marked as attachments (RFC 2183), outside attached messages. A multipart
    /// without a boundary, which cannot be split, is shown as plain text.
    /// </summary>
    public static bool IsBodyCandidate(MimePart part) =>
        part.Kind == MimePartKind.Leaf
        && !(part.ContentDisposition?.IsAttachment ?? false)
        && !part.IsInsideMessage
        && (part.ContentType.Is("text", "plain") || part.ContentType.Is("text", "html") || part.ContentType.IsMultipart);

    public async ValueTask OnPartAsync(MimePart part, Stream content, CancellationToken cancellationToken)
    {
        if (!IsBodyCandidate(part)) return;
        var captured = new CapturedText(part, part.ContentType.Is("text", "html"), options);
        await captured.ReadAsync(content, cancellationToken).ConfigureAwait(false);
        Captured[part] = captured;
    }
}
