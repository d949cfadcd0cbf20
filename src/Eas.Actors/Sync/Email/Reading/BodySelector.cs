using MimeKit;
using MimeKit.Utils;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// Chooses which parts make up the plain-text and the HTML body, the way mail clients display a message
/// (RFC 2046 section 5.1): in multipart/alternative the last (richest) alternative that has the kind natively,
/// else the last that has any; in multipart/related only the root (RFC 2387 section 3.2: the "start" parameter,
/// else the first part); in multipart/mixed and the others every inline text part, in order. Body text is
/// text/plain or text/html not marked as an attachment (RFC 2183), outside attached messages; a multipart
/// without a boundary, which cannot be split, counts as plain text.
/// </summary>
public static class BodySelector
{
    private static ReadOnlySpan<byte> PlainSeparator => "\r\n"u8;

    /// <summary>Whether the part is text/html.</summary>
    public static bool IsHtml(MimeEntity part) => part.ContentType.IsMimeType("text", "html");

    /// <summary>Whether the part could be body text.</summary>
    public static bool IsBodyCandidate(MimeEntity part) =>
        part is not MessagePart
        && !ImapPartNumbers.IsSplitMultipart(part)
        && !IsMarkedAttachment(part)
        && (part.ContentType.IsMimeType("text", "plain") || IsHtml(part) || HasUnintelligibleType(part)
            || part.ContentType.MediaType.Equals("multipart", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A Content-Type without even a type/subtype. RFC 2045 section 5.2 recommends taking such a part as plain
    /// text, as the reader before MimeKit did; MimeKit makes it application/octet-stream (keeping its charset).
    /// </summary>
    public static bool HasUnintelligibleType(MimeEntity part)
    {
        if (part.Headers[HeaderId.ContentType] is not { } value) return false;
        var semicolon = value.IndexOf(';');
        return !(semicolon < 0 ? value : value[..semicolon]).Contains('/');
    }

    /// <summary>A Content-Disposition other than "inline" (an unknown type counts as attachment, RFC 2183 section 2.8).</summary>
    public static bool IsMarkedAttachment(MimeEntity part) =>
        part.ContentDisposition?.Disposition is { Length: > 0 } disposition && !disposition.Trim().Equals("inline", StringComparison.OrdinalIgnoreCase);

    /// <summary>The parts that make up the HTML (<paramref name="html"/>) or the plain-text body, in order.</summary>
    public static List<MimeEntity> Select(MimeEntity part, bool html)
    {
        if (part is MessagePart) return [];
        if (part is not Multipart multipart || !ImapPartNumbers.IsSplitMultipart(part)) return IsBodyCandidate(part) ? [part] : [];
        var subtype = multipart.ContentType.MediaSubtype;
        if (subtype.Equals("alternative", StringComparison.OrdinalIgnoreCase))
        {
            List<MimeEntity> best = [];
            var bestNative = false;
            foreach (var child in multipart)
            {
                var choice = Select(child, html);
                if (choice.Count == 0) continue;
                var native = choice.Exists(c => IsHtml(c) == html);
                if (!native && bestNative) continue;
                (best, bestNative) = (choice, native);
            }

            return best;
        }

        if (subtype.Equals("related", StringComparison.OrdinalIgnoreCase))
            return RelatedRoot(multipart) is { } root ? Select(root, html) : [];
        return [.. multipart.SelectMany(child => Select(child, html))];
    }

    /// <summary>
    /// Joins the chosen parts (plain text parts on their own lines) and cuts the result to <paramref name="limit"/> UTF-8
    /// bytes without splitting a character, into one array of exactly the kept size: the only copy of the body the item holds.
    /// </summary>
    public static EmailBodyText? Combine(IReadOnlyList<DecodedBody> parts, bool html, long? limit)
    {
        if (parts.Count == 0) return null;
        var separator = html ? ReadOnlySpan<byte>.Empty : PlainSeparator;
        long fullSize = 0, keptSize = 0;
        foreach (var part in parts)
        {
            fullSize += part.View(html).TotalSize;
            keptSize += part.View(html).Kept.Length;
        }

        fullSize += (parts.Count - 1L) * separator.Length;
        keptSize += (parts.Count - 1L) * separator.Length;
        var length = limit is { } max && keptSize > max ? CutPoint(parts, html, separator, Math.Max(0, max)) : (int)keptSize;
        var bytes = new byte[length];
        var filled = 0;
        for (var i = 0; i < parts.Count && filled < length; i++)
        {
            if (i > 0) filled += Copy(separator, bytes.AsSpan(filled));
            filled += Copy(parts[i].View(html).Kept, bytes.AsSpan(filled));
        }

        return new EmailBodyText(bytes, fullSize);
    }

    /// <summary>Where a cut at <paramref name="limit"/> of the joined parts falls once moved back to the start of a character.</summary>
    private static int CutPoint(IReadOnlyList<DecodedBody> parts, bool html, ReadOnlySpan<byte> separator, long limit)
    {
        var cut = (int)limit;
        while (cut > 0 && BoundedText.IsContinuation(ByteAt(parts, html, separator, cut))) cut--;
        return cut;
    }

    /// <summary>The byte at <paramref name="index"/> of the parts joined by <paramref name="separator"/>.</summary>
    private static byte ByteAt(IReadOnlyList<DecodedBody> parts, bool html, ReadOnlySpan<byte> separator, int index)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                if (index < separator.Length) return separator[index];
                index -= separator.Length;
            }

            var kept = parts[i].View(html).Kept;
            if (index < kept.Length) return kept[index];
            index -= kept.Length;
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var count = Math.Min(source.Length, destination.Length);
        source[..count].CopyTo(destination);
        return count;
    }

    /// <summary>The root of a multipart/related: the part whose Content-ID is the "start" parameter, else the first.</summary>
    public static MimeEntity? RelatedRoot(Multipart related)
    {
        var start = related.ContentType.Parameters.TryGetValue("start", out string? value) ? value : null;
        var startId = string.IsNullOrWhiteSpace(start) ? null : MimeUtils.ParseMessageId(start) ?? start.Trim();
        var root = startId is null ? null : related.FirstOrDefault(c => string.Equals(c.ContentId, startId, StringComparison.Ordinal));
        return root ?? (related.Count > 0 ? related[0] : null);
    }
}
