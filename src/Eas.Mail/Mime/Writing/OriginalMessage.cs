namespace Eas.Mail.Mime.Writing;

/// <summary>
/// The message a SmartReply or SmartForward refers to, as fetched from the store: its header always, and its
/// bodies and attachments when they are to be used and can be (<see cref="Summary"/>).
/// </summary>
internal sealed class OriginalMessage
{
    private const int HeaderChunk = 8 * 1024;

    private OriginalMessage(StreamSource source, HeaderList headers, MessageSummary? summary)
    {
        Source = source;
        Headers = headers;
        Envelope = summary?.Envelope ?? MessageEnvelope.FromHeaders(headers);
        Summary = summary;
    }

    public StreamSource Source { get; }

    public HeaderList Headers { get; }

    public MessageEnvelope Envelope { get; }

    /// <summary>
    /// The bodies and attachments, or null when only the header was read (ReplaceMime) or the message cannot be
    /// quoted: it passed a <see cref="MimeLimits"/> bound (deeper, more parts or a larger header than allowed) or
    /// its text is longer than <see cref="SmartComposeOptions.MaxQuotedTextBytes"/>. The composer then attaches
    /// it whole as message/rfc822, which is always possible.
    /// </summary>
    public MessageSummary? Summary { get; }

    public static async Task<OriginalMessage> ReadAsync(StreamSource source, SmartComposeOptions options, bool withBodies, CancellationToken cancellationToken)
    {
        if (withBodies)
        {
            var bodyOptions = new MessageBodyOptions
            {
                PlainTextLimit = options.MaxQuotedTextBytes,
                HtmlLimit = options.MaxQuotedTextBytes,
                Limits = options.OriginalLimits,
            };
            try
            {
                var summary = await MessageBodies.ExtractAsync(source.Rewind(), bodyOptions, cancellationToken).ConfigureAwait(false);
                var quotable = summary.PlainText is not { Truncated: true } && summary.Html is not { Truncated: true };
                return new OriginalMessage(source, summary.Structure.Headers, quotable ? summary : null);
            }
            catch (MimeFormatException)
            {
                // Broken beyond a bound: still attached whole, and its header still read for threading.
            }
        }

        return new OriginalMessage(source, await ReadHeaderAsync(source, options.OriginalLimits.MaxHeaderBytes, cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>
    /// A message/rfc822 part (RFC 2046 section 5.2.1) holding the whole original, as an attachment named after its
    /// subject. Its transfer encoding may only be 7bit, 8bit or binary, so it is declared 8bit when a byte is.
    /// </summary>
    public async Task<MimeEntity> AsAttachedMessageAsync(CancellationToken cancellationToken)
    {
        var scan = await Source.ScanAsync(0, Source.Length, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        var subject = Envelope.Subject is { Length: > 0 } text ? text : "message";
        var name = new string(subject.Take(60).Select(c => char.IsControl(c) || c is '/' or '\\' ? '_' : c).ToArray()).Trim() + ".eml";
        List<string> fields =
        [
            "Content-Type: message/rfc822\r\n",
            HeaderText.Field("Content-Disposition", "attachment" + new ParameterList([new MimeParameter("filename", name)])),
        ];
        if (scan.Has8Bit) fields.Add("Content-Transfer-Encoding: 8bit\r\n");
        return new CopiedEntity([], new CopiedRange(Source, 0, Source.Length), fields);
    }

    /// <summary>The header block alone: read until its blank line, at most <paramref name="maxBytes"/>.</summary>
    private static async Task<HeaderList> ReadHeaderAsync(StreamSource source, int maxBytes, CancellationToken cancellationToken)
    {
        var stream = source.Rewind();
        var block = new byte[Math.Min(HeaderChunk, maxBytes)];
        var length = 0;
        while (true)
        {
            if (length == block.Length)
            {
                if (length >= maxBytes) break;
                Array.Resize(ref block, Math.Min(maxBytes, block.Length * 2));
            }

            var read = await stream.ReadAsync(block.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            length += read;
            if (HeaderBlockParser.LengthToBlankLine(block.AsSpan(0, length)) < length) break;
        }

        return HeaderList.Parse(block.AsSpan(0, length));
    }
}
