namespace Eas.Mail.Mime;

/// <summary>
/// One entity of a message: the top-level body, a body part of a multipart, or the body of an encapsulated
/// message. <see cref="Size"/> and <see cref="LineCount"/> are known once the reader has passed the part (they
/// are zero while a handler is reading it); everything else is known when the handler is called.
/// </summary>
public sealed class MimePart
{
    private readonly List<MimePart> _children = [];

    internal MimePart(MimePart? parent, string partSpecifier, int depth, HeaderList headers, ContentType defaultType)
    {
        Parent = parent;
        PartSpecifier = partSpecifier;
        Depth = depth;
        Headers = headers;
        ContentType = ContentType.Parse(headers.GetValue("Content-Type"), defaultType);
        ContentDisposition = ContentDisposition.Parse(headers.GetValue("Content-Disposition"));
        TransferEncoding = TransferEncodings.Parse(headers.GetValue("Content-Transfer-Encoding"));
        Kind = ContentType switch
        {
            { IsMultipart: true, Boundary: not null } => MimePartKind.Multipart,
            { IsMessageRfc822: true } when TransferEncoding.IsIdentity() => MimePartKind.Message,
            _ => MimePartKind.Leaf,
        };
    }

    /// <summary>
    /// The IMAP part specifier (RFC 3501 section 6.4.5): "1", "2.3"... A message whose body is not multipart has
    /// that body as part "1" (relative to the message), and a multipart that is the body of a message has the
    /// message's own specifier ("" at the top level, where it is fetched as TEXT).
    /// </summary>
    public string PartSpecifier { get; internal set; }

    /// <summary>The enclosing multipart or message/rfc822 part; null for the top-level body.</summary>
    public MimePart? Parent { get; }

    /// <summary>Nesting depth; 0 for the top-level body.</summary>
    public int Depth { get; }

    /// <summary>The header block right before this body (for the top-level body, the message header).</summary>
    public HeaderList Headers { get; }

    public ContentType ContentType { get; }

    /// <summary>The Content-Disposition field (RFC 2183), or null when absent.</summary>
    public ContentDisposition? ContentDisposition { get; }

    public TransferEncoding TransferEncoding { get; }

    public MimePartKind Kind { get; }

    /// <summary>Body parts of a multipart, or the encapsulated message of a message/rfc822 part; empty for a leaf.</summary>
    public IReadOnlyList<MimePart> Children => _children;

    /// <summary>The body's size in bytes as encoded in the message, without the header and without the line break that belongs to the next boundary.</summary>
    public long Size { get; internal set; }

    /// <summary>The body's length in lines: its line feeds, plus one for a last line without one.</summary>
    public long LineCount { get; internal set; }

    /// <summary>
    /// Where the body starts: its byte offset from where the reader began, just past the header block. With
    /// <see cref="Size"/> it locates the encoded body, so a writer can copy it without decoding it.
    /// </summary>
    internal long BodyOffset { get; set; }

    /// <summary>The Content-ID (RFC 2045 section 7) without angle brackets, or null.</summary>
    public string? ContentId => Headers.GetValue("Content-ID") is { } value ? MessageIds.ParseFirst(value) ?? NullIfEmpty(value.Trim('<', '>', ' ')) : null;

    /// <summary>The Content-Location URI (RFC 2557 section 4.2) with folding blanks removed, or null.</summary>
    public string? ContentLocation => Headers.GetValue("Content-Location") is { } value
        ? NullIfEmpty(string.Concat(value.Where(c => !char.IsWhiteSpace(c))).Trim('"'))
        : null;

    /// <summary>The file name: the disposition's filename parameter, else the Content-Type name parameter (both decoded), or null.</summary>
    public string? FileName => NullIfEmpty(ContentDisposition?.FileName) ?? NullIfEmpty(ContentType.Name);

    /// <summary>Whether this part is inside an encapsulated message (a message/rfc822 part).</summary>
    public bool IsInsideMessage
    {
        get
        {
            for (var ancestor = Parent; ancestor is not null; ancestor = ancestor.Parent)
            {
                if (ancestor.Kind == MimePartKind.Message) return true;
            }

            return false;
        }
    }

    /// <summary>This part and all below it, depth first, in message order.</summary>
    public IEnumerable<MimePart> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in _children)
        {
            foreach (var part in child.DescendantsAndSelf()) yield return part;
        }
    }

    public override string ToString() => $"{(PartSpecifier.Length == 0 ? "TEXT" : PartSpecifier)} {ContentType.MimeType}";

    internal void AddChild(MimePart child) => _children.Add(child);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
