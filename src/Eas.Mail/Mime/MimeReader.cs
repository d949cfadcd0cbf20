namespace Eas.Mail.Mime;

/// <summary>
/// A streaming MIME parser (RFC 2045, RFC 2046, RFC 5322): it reads a message once, front to back, through a
/// fixed buffer, builds the part tree with IMAP part specifiers, sizes and line counts, and hands each leaf body
/// to an <see cref="IMimePartHandler"/> as a decoded stream while it is at that body. Nothing is buffered
/// beyond one header block, so a message of any size costs about the same memory.
/// <para>
/// Like mail clients it tolerates broken mail: missing or repeated boundaries, a missing close delimiter,
/// delimiters with trailing blanks, a preamble and epilogue, parts with no header, bare LF line ends, 8-bit
/// header text, and garbage anywhere. Only a <see cref="MimeLimits"/> bound raises an exception
/// (<see cref="MimeFormatException"/>); I/O errors of the stream and exceptions of the handler propagate.
/// </para>
/// </summary>
public sealed class MimeReader
{
    private const int BufferSize = 32 * 1024;

    private readonly MimeLimits _limits;

    public MimeReader(MimeLimits? limits = null) => _limits = limits ?? MimeLimits.Default;

    /// <summary>Reads <paramref name="message"/> to its end, calling <paramref name="handler"/> for each leaf body.</summary>
    public async Task<MimeStructure> ReadAsync(Stream message, IMimePartHandler? handler = null, CancellationToken cancellationToken = default)
    {
        var session = new Session(new MimeInput(message, BufferSize), _limits, handler);
        var body = await session.ReadEntityAsync(null, string.Empty, 0, ContentType.Default, messageBody: true, cancellationToken)
            .ConfigureAwait(false);
        return new MimeStructure(body, session.Input.Position, session.PartCount);
    }

    /// <summary>Reads <paramref name="message"/> to its end, calling <paramref name="onPart"/> for each leaf body.</summary>
    public Task<MimeStructure> ReadAsync(
        Stream message, Func<MimePart, Stream, CancellationToken, ValueTask> onPart, CancellationToken cancellationToken = default) =>
        ReadAsync(message, new DelegateHandler(onPart), cancellationToken);

    private sealed class DelegateHandler(Func<MimePart, Stream, CancellationToken, ValueTask> onPart) : IMimePartHandler
    {
        public ValueTask OnPartAsync(MimePart part, Stream content, CancellationToken cancellationToken) =>
            onPart(part, content, cancellationToken);
    }

    private sealed class Session(MimeInput input, MimeLimits limits, IMimePartHandler? handler)
    {
        private readonly BoundaryStack _boundaries = new();
        private byte[]? _scratch;

        public MimeInput Input { get; } = input;

        public int PartCount { get; private set; }

        /// <summary>
        /// Reads one entity: its header, then its body up to the next delimiter of an enclosing multipart or the end.
        /// <paramref name="specifier"/> is the entity's own specifier, or for a message body the message's.
        /// </summary>
        public async Task<MimePart> ReadEntityAsync(
            MimePart? parent, string specifier, int depth, ContentType defaultType, bool messageBody, CancellationToken cancellationToken)
        {
            if (depth > limits.MaxDepth) throw new MimeFormatException($"Parts nest deeper than {limits.MaxDepth}", Input.Position);
            if (++PartCount > limits.MaxParts) throw new MimeFormatException($"The message has more than {limits.MaxParts} parts", Input.Position);
            var headers = await MimeHeaderReader.ReadAsync(Input, _boundaries, limits, messageBody, cancellationToken).ConfigureAwait(false);
            var part = new MimePart(parent, specifier, depth, headers, defaultType);
            if (messageBody && part.Kind != MimePartKind.Multipart) part.PartSpecifier = Child(specifier, 1);
            var mark = Input.Mark();
            part.BodyOffset = mark.Position;
            var atBoundary = part.Kind switch
            {
                MimePartKind.Multipart => await ReadMultipartAsync(part, cancellationToken).ConfigureAwait(false),
                MimePartKind.Message => await ReadMessageAsync(part, cancellationToken).ConfigureAwait(false),
                _ => await ReadLeafAsync(part, cancellationToken).ConfigureAwait(false),
            };
            (part.Size, part.LineCount) = Input.Measure(mark, atBoundary);
            return part;
        }

        private async Task<bool> ReadMessageAsync(MimePart part, CancellationToken cancellationToken)
        {
            var body = await ReadEntityAsync(part, part.PartSpecifier, part.Depth + 1, ContentType.Default, messageBody: true, cancellationToken)
                .ConfigureAwait(false);
            part.AddChild(body);
            return (await PeekAsync(cancellationToken).ConfigureAwait(false)).Status != LineStatus.End;
        }

        private async Task<bool> ReadLeafAsync(MimePart part, CancellationToken cancellationToken)
        {
            var content = new MimeContentStream(Input, _boundaries);
            if (handler is not null)
            {
                var decoded = TransferEncodings.CreateDecodingStream(content, part.TransferEncoding, leaveOpen: true);
                await handler.OnPartAsync(part, decoded, cancellationToken).ConfigureAwait(false);
            }

            _scratch ??= new byte[BufferSize];
            await content.FinishAsync(_scratch, cancellationToken).ConfigureAwait(false);
            return content.EndedAtBoundary;
        }

        /// <summary>Preamble, body parts, epilogue (RFC 2046 section 5.1.1). Returns whether it ended at an outer delimiter.</summary>
        private async Task<bool> ReadMultipartAsync(MimePart part, CancellationToken cancellationToken)
        {
            _boundaries.Push(part.ContentType.Boundary!);
            var level = _boundaries.Count - 1;
            var childDefault = part.ContentType.MediaSubtype == "digest" ? ContentType.MessageRfc822 : ContentType.Default;
            var line = await SkipUntilDelimiterAsync(cancellationToken).ConfigureAwait(false);
            var index = 0;
            while (line.Status != LineStatus.End && line.Level == level)
            {
                Input.Consume(line.Length);
                if (line.IsClose)
                {
                    _boundaries.Pop();
                    return (await SkipUntilDelimiterAsync(cancellationToken).ConfigureAwait(false)).Status != LineStatus.End;
                }

                var child = await ReadEntityAsync(part, Child(part.PartSpecifier, ++index), part.Depth + 1, childDefault, messageBody: false, cancellationToken)
                    .ConfigureAwait(false);
                part.AddChild(child);
                line = await PeekAsync(cancellationToken).ConfigureAwait(false);
            }

            _boundaries.Pop();
            return line.Status != LineStatus.End;
        }

        /// <summary>Skips lines up to a delimiter of any level (not consumed) or the end.</summary>
        private async ValueTask<PeekedLine> SkipUntilDelimiterAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                if (!TryPeek(out var line)) await Input.FillAsync(cancellationToken).ConfigureAwait(false);
                else if (line.Status == LineStatus.End || line.Level >= 0) return line;
                else Input.Consume(line.Length);
            }
        }

        private async ValueTask<PeekedLine> PeekAsync(CancellationToken cancellationToken)
        {
            PeekedLine line;
            while (!TryPeek(out line)) await Input.FillAsync(cancellationToken).ConfigureAwait(false);
            return line;
        }

        /// <summary>The next line with the delimiter level it matches (-1 for none); false when the buffer must be filled first.</summary>
        private bool TryPeek(out PeekedLine line)
        {
            var status = Input.PeekLine(out var length);
            var isClose = false;
            var level = status == LineStatus.Line && Input.AtLineStart ? _boundaries.Match(Input.Peek(length), out isClose) : -1;
            line = new PeekedLine(status, length, level, isClose);
            return status != LineStatus.NeedMore;
        }

        private static string Child(string specifier, int index) => specifier.Length == 0 ? index.ToString() : $"{specifier}.{index}";
    }

    private readonly record struct PeekedLine(LineStatus Status, int Length, int Level, bool IsClose);
}
