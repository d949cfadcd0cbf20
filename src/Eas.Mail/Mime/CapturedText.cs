namespace Eas.Mail.Mime;

/// <summary>
/// One text/plain or text/html part decoded from its charset while the reader passes it, kept both as it is and
/// converted to the other kind, each bounded by the limit for its kind, so the body can be chosen afterwards.
/// </summary>
internal sealed class CapturedText
{
    private const int ChunkSize = 8192;

    public CapturedText(MimePart part, bool isHtml, MessageBodyOptions options)
    {
        Part = part;
        IsHtml = isHtml;
        Native = new BoundedText(isHtml ? options.HtmlLimit : options.PlainTextLimit, options.Unit);
        Converted = new BoundedText(isHtml ? options.PlainTextLimit : options.HtmlLimit, options.Unit);
    }

    public MimePart Part { get; }

    public bool IsHtml { get; }

    /// <summary>The text as the part has it.</summary>
    public BoundedText Native { get; }

    /// <summary>The text converted to the other kind.</summary>
    public BoundedText Converted { get; }

    public BoundedText View(bool html) => html == IsHtml ? Native : Converted;

    public async ValueTask ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        var encoding = MimeCharsets.GetEncoding(Part.ContentType.Charset);
        var decoder = encoding.GetDecoder();
        var bytes = new byte[ChunkSize];
        var chars = new char[encoding.GetMaxCharCount(ChunkSize)];
        var toText = IsHtml ? new HtmlToText(Converted) : null;
        var toHtml = IsHtml ? null : new PlainTextToHtml(Converted);
        var first = true;
        int read;
        do
        {
            read = await content.ReadAsync(bytes, cancellationToken).ConfigureAwait(false);
            var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
            var text = chars.AsSpan(0, count);
            if (first && text.Length > 0)
            {
                if (text[0] == '\uFEFF') text = text[1..];
                first = false;
            }

            Native.Write(text);
            toText?.Write(text);
            toHtml?.Write(text);
        }
        while (read > 0);

        toText?.Complete();
        toHtml?.Complete();
        Native.Complete();
        Converted.Complete();
    }
}
