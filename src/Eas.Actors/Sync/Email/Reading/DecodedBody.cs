using MimeKit;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// One text/plain or text/html part chosen as (part of) the body, decoded from its transfer encoding and
/// charset while it streams from the buffer, and kept twice, each bounded by the limit: as it is, and converted
/// to the other kind (HTML to text with <see cref="HtmlToText"/>, text to an HTML fragment with
/// <see cref="PlainTextToHtml"/>). A byte order mark at the start is dropped.
/// </summary>
public sealed class DecodedBody
{
    private const int ChunkChars = 8192;

    private DecodedBody(MimeEntity part, bool isHtml, long? limit)
    {
        Part = part;
        IsHtml = isHtml;
        Native = new BoundedText(limit);
        Converted = new BoundedText(limit);
    }

    /// <summary>The part the text comes from.</summary>
    public MimeEntity Part { get; }

    /// <summary>Whether the part is text/html.</summary>
    public bool IsHtml { get; }

    /// <summary>The text as the part has it.</summary>
    public BoundedText Native { get; }

    /// <summary>The text converted to the other kind.</summary>
    public BoundedText Converted { get; }

    /// <summary>The text as HTML (<paramref name="html"/>) or as plain text.</summary>
    public BoundedText View(bool html) => html == IsHtml ? Native : Converted;

    /// <summary>Decodes <paramref name="part"/>, keeping at most <paramref name="limit"/> UTF-8 bytes of each form.</summary>
    public static async Task<DecodedBody> DecodeAsync(MimeEntity part, long? limit, CancellationToken cancellationToken)
    {
        var body = new DecodedBody(part, BodySelector.IsHtml(part), limit);
        using (var reader = OpenText(part))
        {
            var toHtml = body.IsHtml ? null : new PlainTextToHtml(body.Converted);
            var chunk = new char[ChunkChars];
            int read;
            while ((read = await reader.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                body.Native.Write(chunk.AsSpan(0, read));
                toHtml?.Write(chunk.AsSpan(0, read));
            }

            toHtml?.Complete();
        }

        if (body.IsHtml)
        {
            using var reader = OpenText(part);
            HtmlToText.Convert(reader, body.Converted);
        }

        body.Native.Complete();
        body.Converted.Complete();
        return body;
    }

    /// <summary>
    /// The part's text: a leaf's decoded content, or the body of a multipart MimeKit could not split (no
    /// boundary), which MimeKit keeps as its preamble and mail clients show as text.
    /// </summary>
    private static TextReader OpenText(MimeEntity part) => part switch
    {
        MimePart { Content: { } content } => new StreamReader(content.Open(), BodyCharsets.For(part.ContentType), detectEncodingFromByteOrderMarks: true, bufferSize: ChunkChars),
        Multipart { Preamble: { } preamble } => new StringReader(preamble),
        _ => TextReader.Null,
    };
}
