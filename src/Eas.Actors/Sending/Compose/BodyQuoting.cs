using MimeKit;

namespace Eas.Actors.Sending.Compose;

/// <summary>
/// Appends the original to the phone's body where a reader sees it, each text in its own format, and leaves every
/// other part as the phone wrote it. It follows the body the way a mail client displays it (RFC 2046 section
/// 5.1): in multipart/alternative every alternative; in multipart/related its root (RFC 2387 section 3.2); in
/// multipart/mixed and the others the last part that holds body text, so the original ends up after everything the
/// phone wrote. A multipart/signed or multipart/encrypted body is never changed (RFC 1847: that would break it). A
/// rewritten text part is UTF-8, its text read in the charset the phone declared (unknown labels: UTF-8, else
/// Latin-1), and encoded for 7-bit transport; its other header fields stay.
/// </summary>
internal static class BodyQuoting
{
    /// <summary>Appends the quote to every body text part under <paramref name="entity"/>; false when there is none.</summary>
    public static bool Append(MimeEntity entity, OriginalQuote quote)
    {
        if (entity is TextPart text && IsBodyText(text))
        {
            Rewrite(text, quote);
            return true;
        }

        var changed = false;
        foreach (var target in Targets(entity)) changed |= Append(target, quote);
        return changed;
    }

    /// <summary>A text/plain or text/html leaf that is not an attachment (RFC 2183).</summary>
    private static bool IsBodyText(MimeEntity entity) => entity is TextPart { IsAttachment: false } text && (text.IsPlain || text.IsHtml);

    private static bool HoldsBodyText(MimeEntity entity) => IsBodyText(entity) || Targets(entity).Any(HoldsBodyText);

    /// <summary>The parts of a multipart whose text a reader sees as the body.</summary>
    private static IEnumerable<MimeEntity> Targets(MimeEntity entity)
    {
        if (entity is not Multipart multipart || multipart.Count == 0) return [];
        return multipart.ContentType.MediaSubtype.ToLowerInvariant() switch
        {
            "alternative" => multipart,
            "related" => RelatedRoot(multipart) is { } root ? [root] : [],
            "signed" or "encrypted" => [],
            _ => multipart.LastOrDefault(HoldsBodyText) is { } last ? [last] : [],
        };
    }

    /// <summary>The root of a multipart/related: the part its start parameter names, else the first (RFC 2387 section 3.2).</summary>
    private static MimeEntity? RelatedRoot(Multipart related)
    {
        var start = related.ContentType.Parameters["start"];
        if (start is null) return related[0];
        var id = start.Trim().TrimStart('<').TrimEnd('>');
        return related.FirstOrDefault(part => string.Equals(part.ContentId, id, StringComparison.OrdinalIgnoreCase));
    }

    private static void Rewrite(TextPart part, OriginalQuote quote)
    {
        var text = part.IsHtml ? quote.AppendToHtml(part.GetText(out _)) : quote.AppendToPlain(OriginalQuote.TextOf(part));
        part.ContentType.Parameters.Remove("format");
        part.ContentType.Parameters.Remove("delsp");
        part.SetText("utf-8", text);
        part.ContentTransferEncoding = part.GetBestEncoding(EncodingConstraint.SevenBit);
    }
}
