namespace Eas.Mail.Mime.Writing;

/// <summary>
/// Appends the original to the phone's body where a reader sees it, each text in its own format, and leaves
/// every other part as the phone wrote it. It follows the body the way a mail client displays it (RFC 2046
/// section 5.1): in multipart/alternative every alternative; in multipart/related its root (RFC 2387 section
/// 3.2); in multipart/mixed and the others the last part that holds body text, so the original ends up after
/// everything the phone wrote. A multipart/signed or multipart/encrypted body is never changed (RFC 1847: that
/// would break it). A rewritten text part is UTF-8; its text is read in the charset the phone declared, so
/// nothing the phone wrote is lost on the way.
/// </summary>
internal sealed class BodyRewriter(MemorySource phone, OriginalQuote quote, Func<int> nextNumber)
{
    /// <summary>
    /// The entity <paramref name="part"/> becomes, carrying <paramref name="fields"/>, with the original appended;
    /// null when it holds no body text to append to.
    /// </summary>
    public async Task<MimeEntity?> RewriteAsync(MimePart part, IEnumerable<HeaderField> fields, CancellationToken cancellationToken)
    {
        if (IsBodyText(part))
        {
            var text = await DecodeAsync(part, cancellationToken).ConfigureAwait(false);
            var html = part.ContentType.MediaSubtype == "html";
            return new TextEntity([.. fields], html ? "html" : "plain", html ? quote.AppendToHtml(text) : quote.AppendToPlain(text));
        }

        var targets = Targets(part).ToHashSet(ReferenceEqualityComparer.Instance);
        if (targets.Count == 0) return null;
        var children = new List<MimeEntity>();
        var changed = false;
        foreach (var child in part.Children)
        {
            var rewritten = targets.Contains(child) ? await RewriteAsync(child, child.Headers, cancellationToken).ConfigureAwait(false) : null;
            changed |= rewritten is not null;
            children.Add(rewritten ?? CopiedEntity.Of(child, phone));
        }

        return changed ? new MultipartEntity(fields, part.ContentType, children, nextNumber()) : null;
    }

    /// <summary>A text/plain or text/html leaf that is not an attachment (RFC 2183), as <see cref="BodyCollector"/> sees body text.</summary>
    private static bool IsBodyText(MimePart part) =>
        part.Kind == MimePartKind.Leaf
        && (part.ContentType.Is("text", "plain") || part.ContentType.Is("text", "html"))
        && !(part.ContentDisposition?.IsAttachment ?? false);

    private static bool HoldsBodyText(MimePart part) => IsBodyText(part) || Targets(part).Any(HoldsBodyText);

    /// <summary>The body parts of a multipart whose text a reader sees as the body.</summary>
    private static IEnumerable<MimePart> Targets(MimePart part)
    {
        if (part.Kind != MimePartKind.Multipart) return [];
        return part.ContentType.MediaSubtype switch
        {
            "alternative" => part.Children,
            "related" => BodySelector.RelatedRoot(part) is { } root ? [root] : [],
            "signed" or "encrypted" => [],
            _ => part.Children.LastOrDefault(HoldsBodyText) is { } last ? [last] : [],
        };
    }

    private async Task<string> DecodeAsync(MimePart part, CancellationToken cancellationToken)
    {
        using var decoded = new MemoryStream();
        await using (var encoded = phone.OpenRead(part.BodyOffset, part.Size))
        await using (var content = TransferEncodings.CreateDecodingStream(encoded, part.TransferEncoding, leaveOpen: true))
        {
            await content.CopyToAsync(decoded, cancellationToken).ConfigureAwait(false);
        }

        var text = MimeCharsets.Decode(decoded.GetBuffer().AsSpan(0, (int)decoded.Length), part.ContentType.Charset);
        return FlowedText.IsFlowed(part.ContentType, out var deleteSpace) ? FlowedText.Unflow(text, deleteSpace) : text;
    }
}
