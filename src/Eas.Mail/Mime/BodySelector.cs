namespace Eas.Mail.Mime;

/// <summary>
/// Chooses which captured parts make up the plain-text and the HTML body, the way mail clients display a
/// message (RFC 2046 section 5.1): in multipart/alternative the last (richest) alternative that has the kind
/// natively, else the last that has any; in multipart/related only the root (RFC 2387 section 3.2: the "start"
/// parameter, else the first part); in multipart/mixed and the others every inline text part, in order.
/// </summary>
internal static class BodySelector
{
    private const string PlainSeparator = "\r\n";

    public static List<CapturedText> Select(MimePart part, bool html, IReadOnlyDictionary<MimePart, CapturedText> captured)
    {
        switch (part.Kind)
        {
            case MimePartKind.Leaf:
                return captured.TryGetValue(part, out var text) ? [text] : [];
            case MimePartKind.Message:
                return [];
        }

        switch (part.ContentType.MediaSubtype)
        {
            case "alternative":
                List<CapturedText> best = [];
                var bestNative = false;
                foreach (var child in part.Children)
                {
                    var choice = Select(child, html, captured);
                    if (choice.Count == 0) continue;
                    var native = choice.Exists(c => c.IsHtml == html);
                    if (!native && bestNative) continue;
                    (best, bestNative) = (choice, native);
                }

                return best;
            case "related":
                return RelatedRoot(part) is { } root ? Select(root, html, captured) : [];
            default:
                return part.Children.SelectMany(child => Select(child, html, captured)).ToList();
        }
    }

    /// <summary>Joins the chosen parts (plain text parts on their own lines) and cuts the result to <paramref name="limit"/>.</summary>
    public static TextBody? Combine(List<CapturedText> parts, bool html, long? limit, TruncationUnit unit)
    {
        if (parts.Count == 0) return null;
        var separator = html ? string.Empty : PlainSeparator;
        var kept = string.Join(separator, parts.Select(p => p.View(html).Kept));
        var fullSize = parts.Sum(p => p.View(html).TotalSize) + (parts.Count - 1) * TextTruncation.Measure(separator, unit);
        var converted = parts.Exists(p => p.IsHtml != html);
        if (limit is not { } max || fullSize <= max) return new TextBody(kept, false, fullSize, converted);
        return new TextBody(kept[..TextTruncation.PrefixLength(kept, max, unit)], true, fullSize, converted);
    }

    /// <summary>The root of a multipart/related: the part whose Content-ID is the "start" parameter, else the first.</summary>
    public static MimePart? RelatedRoot(MimePart related)
    {
        var start = MessageIds.ParseFirst(related.ContentType.Parameters["start"]) ?? related.ContentType.Parameters["start"];
        return (start is null ? null : related.Children.FirstOrDefault(c => c.ContentId == start)) ?? (related.Children.Count > 0 ? related.Children[0] : null);
    }
}
