using System.Buffers;
using MimeKit;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// One text/plain or text/html part chosen as (part of) the body, decoded from its transfer encoding and
/// charset while it streams from the buffer, and kept twice, each bounded by the limit: as it is, and converted
/// to the other kind (HTML to text with <see cref="HtmlToText"/>, text to an HTML fragment with
/// <see cref="PlainTextToHtml"/>). A byte order mark at the start is dropped. Only the views a caller asks for are
/// made: most messages need one form of each part, and converting every part to the other kind doubled the work
/// of reading a message. Each view is UTF-8 in a rented buffer (<see cref="BoundedText"/>), never a string; Dispose
/// returns the buffers.
/// </summary>
public sealed class DecodedBody : IDisposable
{
    private const int ChunkChars = 8192;

    /// <summary>The smallest read buffer: a part of a few bytes still reads through one.</summary>
    private const int MinBufferBytes = 256;

    private readonly BoundedText? _nativeText;
    private readonly BoundedText? _convertedText;

    private DecodedBody(MimeEntity part, bool isHtml, long? limit, BodyViews views, int expectedBytes)
    {
        Part = part;
        IsHtml = isHtml;
        var nativeView = isHtml ? BodyViews.Html : BodyViews.Plain;
        // Plain text as HTML grows by its markup (escapes, a <br> per line); HTML as text mostly shrinks.
        if ((views & nativeView) != 0) _nativeText = new BoundedText(limit, expectedBytes);
        if ((views & ~nativeView & BodyViews.Both) != 0) _convertedText = new BoundedText(limit, isHtml ? expectedBytes / 2 : expectedBytes + expectedBytes / 4);
    }

    /// <summary>The part the text comes from.</summary>
    public MimeEntity Part { get; }

    /// <summary>Whether the part is text/html.</summary>
    public bool IsHtml { get; }

    /// <summary>The text as HTML (<paramref name="html"/>) or as plain text; only a view that was asked for.</summary>
    public BoundedText View(bool html) =>
        (html == IsHtml ? _nativeText : _convertedText)
        ?? throw new InvalidOperationException($"The {(html ? "HTML" : "plain text")} view of this part was not asked for.");

    /// <summary>Returns the views' buffers.</summary>
    public void Dispose()
    {
        _nativeText?.Dispose();
        _convertedText?.Dispose();
    }

    /// <summary>
    /// Decodes <paramref name="part"/> into the <paramref name="views"/> asked for, keeping at most
    /// <paramref name="limit"/> UTF-8 bytes of each. The caller disposes the result.
    /// </summary>
    public static async Task<DecodedBody> DecodeAsync(MimeEntity part, long? limit, BodyViews views, CancellationToken cancellationToken)
    {
        var size = EncodedSize(part);
        var body = new DecodedBody(part, BodySelector.IsHtml(part), limit, views, (int)Math.Min(size, int.MaxValue));
        try
        {
            await body.DecodeAsync(size, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            body.Dispose();
            throw;
        }

        return body;
    }

    private async Task DecodeAsync(long size, CancellationToken cancellationToken)
    {
        var part = Part;
        var textAsHtml = IsHtml || _convertedText is null ? null : new PlainTextToHtml(_convertedText);
        if (_nativeText is not null || textAsHtml is not null)
        {
            var chunk = ArrayPool<char>.Shared.Rent(ChunkChars);
            try
            {
                using var reader = await OpenTextAsync(part, size, cancellationToken).ConfigureAwait(false);
                int read;
                while ((read = await reader.ReadAsync(chunk.AsMemory(0, ChunkChars), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    _nativeText?.Write(chunk.AsSpan(0, read));
                    textAsHtml?.Write(chunk.AsSpan(0, read));
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chunk);
            }

            textAsHtml?.Complete();
        }

        if (IsHtml && _convertedText is not null)
        {
            using var reader = OpenText(part, size);
            HtmlToText.Convert(reader, _convertedText);
        }

        _nativeText?.Complete();
        _convertedText?.Complete();
    }

    /// <summary>The part's transfer-encoded size when its content says (it bounds the decoded text), else one chunk.</summary>
    private static long EncodedSize(MimeEntity part) => part switch
    {
        MimePart { Content.Stream: { CanSeek: true } stream } => stream.Length,
        Multipart { Preamble: { } preamble } => preamble.Length,
        _ => ChunkChars,
    };

    /// <summary>
    /// The part's text: a leaf's decoded content, or the body of a multipart MimeKit could not split (no
    /// boundary), which MimeKit keeps as its preamble and mail clients show as text. A leaf is read through rented
    /// buffers (<see cref="PooledPartReader"/>) unless its charset or first bytes need <see cref="StreamReader"/>'s
    /// byte order mark handling.
    /// </summary>
    private static async ValueTask<TextReader> OpenTextAsync(MimeEntity part, long size, CancellationToken cancellationToken) =>
        part is MimePart { Content: { } content }
        && await PooledPartReader.TryOpenAsync(content, BodyCharsets.For(part.ContentType), cancellationToken).ConfigureAwait(false) is { } pooled
            ? pooled
            : OpenStreamText(part, size);

    /// <summary>The blocking form of <see cref="OpenTextAsync"/>, for the HTML tokenizer.</summary>
    private static TextReader OpenText(MimeEntity part, long size) =>
        part is MimePart { Content: { } content } && PooledPartReader.TryOpen(content, BodyCharsets.For(part.ContentType)) is { } pooled
            ? pooled
            : OpenStreamText(part, size);

    /// <summary>The part's text through a <see cref="StreamReader"/> that detects and drops a byte order mark.</summary>
    internal static TextReader OpenStreamText(MimeEntity part, long size) => part switch
    {
        MimePart { Content: { } content } => new StreamReader(
            content.Open(), BodyCharsets.For(part.ContentType), detectEncodingFromByteOrderMarks: true,
            bufferSize: (int)Math.Clamp(size, MinBufferBytes, ChunkChars)),
        Multipart { Preamble: { } preamble } => new StringReader(preamble),
        _ => TextReader.Null,
    };
}
