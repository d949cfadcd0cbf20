namespace Eas.Mail.Mime;

/// <summary>
/// Reads one header block from <see cref="MimeInput"/>: fields up to the blank line that ends the block
/// (RFC 5322 section 2.1), which is consumed. It also stops, without consuming, at a boundary delimiter (a part
/// cut short) and at the end of the stream. A first line that is not a field means the part has no header and
/// that line is already body text; a leading mbox "From " line of a message is skipped.
/// </summary>
internal static class MimeHeaderReader
{
    private const int InitialBlockSize = 1024;

    public static async ValueTask<HeaderList> ReadAsync(
        MimeInput input, BoundaryStack boundaries, MimeLimits limits, bool messageStart, CancellationToken cancellationToken)
    {
        var block = new byte[InitialBlockSize];
        var length = 0;
        var first = true;
        var skippingLine = false;
        while (true)
        {
            var status = input.PeekLine(out var lineLength);
            if (status == LineStatus.NeedMore)
            {
                await input.FillAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (status == LineStatus.End) break;
            var line = input.Peek(lineLength);
            if (input.AtLineStart)
            {
                skippingLine = false;
                if (status == LineStatus.Line && boundaries.Match(line, out _) >= 0) break;
                if (HeaderBlockParser.IsBlankLine(line))
                {
                    input.Consume(lineLength);
                    break;
                }

                if (first && messageStart && line.StartsWith("From "u8) && !HeaderBlockParser.IsFieldStart(line))
                {
                    skippingLine = true;
                    input.Consume(lineLength);
                    continue;
                }

                if (first && !HeaderBlockParser.IsFieldStart(line)) break;
                first = false;
            }

            if (!skippingLine) Append(ref block, ref length, line, limits, input.Position);
            input.Consume(lineLength);
        }

        return HeaderBlockParser.Parse(block, length);
    }

    private static void Append(ref byte[] block, ref int length, ReadOnlySpan<byte> line, MimeLimits limits, long offset)
    {
        if ((long)length + line.Length > limits.MaxHeaderBytes)
            throw new MimeFormatException($"A header block is larger than {limits.MaxHeaderBytes} bytes", offset);
        if (length + line.Length > block.Length)
            Array.Resize(ref block, Math.Min(limits.MaxHeaderBytes, Math.Max(block.Length * 2, length + line.Length)));
        line.CopyTo(block.AsSpan(length));
        length += line.Length;
    }
}
