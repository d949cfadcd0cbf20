namespace Eas.Mail.Mime.Writing;

/// <summary>
/// One entity of the message being written (RFC 2045 section 2.4): header fields copied as the sender wrote
/// them, header fields the writer makes (its Content-Type when it changed it), and a body that is copied,
/// encoded from text, or made of other entities. An entity is written the same way every time, so a message
/// can be written once to measure it and again to send it.
/// </summary>
internal abstract class MimeEntity(IReadOnlyList<HeaderField> fields)
{
    /// <summary>Fields written first, byte for byte (line ends made CRLF).</summary>
    public IReadOnlyList<HeaderField> Fields { get; } = fields;

    /// <summary>Writes the fields this entity makes itself, each ending in CRLF.</summary>
    public abstract void WriteOwnFields(MimeOutput output, string boundaryToken);

    public abstract ValueTask WriteBodyAsync(MimeOutput output, string boundaryToken, CancellationToken cancellationToken);

    /// <summary>The byte ranges this entity copies from a source for its body (not those of entities inside it).</summary>
    public abstract IEnumerable<CopiedRange> CopiedRanges();

    /// <summary>The entities inside this one (the body parts of a multipart).</summary>
    public virtual IReadOnlyList<MimeEntity> Children => [];

    /// <summary>This entity and every one inside it, depth first.</summary>
    public IEnumerable<MimeEntity> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);

    /// <summary>Whether the field is a MIME field, whose name starts with "Content-" (RFC 2045 section 9): those describe the body.</summary>
    public static bool IsContentField(HeaderField field) => field.Name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The fields of <paramref name="fields"/> but Content-Type and Content-Transfer-Encoding, which an entity
    /// whose body the writer makes replaces with its own.
    /// </summary>
    public static IReadOnlyList<HeaderField> WithoutTypeAndEncoding(IEnumerable<HeaderField> fields) =>
        fields.Where(f => !f.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
            && !f.Name.Equals("Content-Transfer-Encoding", StringComparison.OrdinalIgnoreCase)).ToList();
}

/// <summary>A byte range of a source that an entity copies.</summary>
internal readonly record struct CopiedRange(ByteSource Source, long Offset, long Length);

/// <summary>
/// A part copied whole: its fields and its encoded body, byte for byte. <paramref name="ownFields"/> holds the
/// fields the writer adds (a Content-Type a part only had by default, the header of an attached message).
/// </summary>
internal sealed class CopiedEntity(
    IReadOnlyList<HeaderField> fields, CopiedRange body, IReadOnlyList<string>? ownFields = null) : MimeEntity(fields)
{
    /// <summary>The part <paramref name="part"/> of <paramref name="source"/> with all its fields.</summary>
    public static CopiedEntity Of(MimePart part, ByteSource source) =>
        new(part.Headers, new CopiedRange(source, part.BodyOffset, part.Size));

    public override void WriteOwnFields(MimeOutput output, string boundaryToken)
    {
        foreach (var line in ownFields ?? []) output.Write(line);
    }

    public override ValueTask WriteBodyAsync(MimeOutput output, string boundaryToken, CancellationToken cancellationToken) =>
        body.Source.CopyToAsync(output, body.Offset, body.Length, cancellationToken);

    public override IEnumerable<CopiedRange> CopiedRanges() => [body];
}

/// <summary>
/// A text/plain or text/html part the writer makes from text pieces (the phone's text with the original's
/// appended): UTF-8 in quoted-printable or base64, whichever is shorter (<see cref="TextPartEncoder"/>).
/// </summary>
internal sealed class TextEntity : MimeEntity
{
    private readonly string _subtype;
    private readonly IReadOnlyList<ReadOnlyMemory<char>> _pieces;
    private readonly TransferEncoding _encoding;

    public TextEntity(IReadOnlyList<HeaderField> fields, string subtype, IReadOnlyList<ReadOnlyMemory<char>> pieces)
        : base(WithoutTypeAndEncoding(fields))
    {
        _subtype = subtype;
        _pieces = pieces;
        _encoding = TextPartEncoder.Choose(pieces);
    }

    public override void WriteOwnFields(MimeOutput output, string boundaryToken)
    {
        output.WriteLine($"Content-Type: text/{_subtype}; charset=utf-8");
        output.WriteLine("Content-Transfer-Encoding: " + TextPartEncoder.Name(_encoding));
    }

    public override ValueTask WriteBodyAsync(MimeOutput output, string boundaryToken, CancellationToken cancellationToken) =>
        TextPartEncoder.WriteAsync(output, _pieces, _encoding, cancellationToken);

    public override IEnumerable<CopiedRange> CopiedRanges() => [];
}
