namespace Eas.Mail.Mime;

/// <summary>What <see cref="MimeInput.PeekLine"/> found at the read position.</summary>
internal enum LineStatus
{
    /// <summary>The buffer holds no whole line yet; fill it and look again.</summary>
    NeedMore,

    /// <summary>A whole line, ending in LF, or the last bytes of the stream.</summary>
    Line,

    /// <summary>The first bufferful of a line longer than the buffer; the rest follows as further pieces.</summary>
    Partial,

    /// <summary>The stream is exhausted.</summary>
    End,
}

/// <summary>Where a body started, to measure it later.</summary>
internal readonly record struct BodyMark(long Position, long LineFeeds);

/// <summary>
/// The reader's view of the message: one fixed buffer over a forward-only stream, served line by line (LF ends a
/// line; CR LF and bare LF are both accepted). It counts bytes and line feeds consumed and remembers the last
/// three bytes, which is all that is needed to measure a body whose final line break belongs to the boundary
/// after it (RFC 2046 section 5.1.1).
/// </summary>
internal sealed class MimeInput
{
    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private byte _last;
    private byte _second;
    private byte _third;

    public MimeInput(Stream stream, int bufferSize)
    {
        _stream = stream;
        _buffer = new byte[bufferSize];
    }

    /// <summary>Bytes consumed so far.</summary>
    public long Position { get; private set; }

    /// <summary>Line feeds consumed so far.</summary>
    public long LineFeeds { get; private set; }

    /// <summary>Whether the read position is at the start of a line (not inside a long line served in pieces).</summary>
    public bool AtLineStart { get; private set; } = true;

    public LineStatus PeekLine(out int length)
    {
        var available = _buffer.AsSpan(_start, _end - _start);
        var lf = available.IndexOf((byte)'\n');
        if (lf >= 0)
        {
            length = lf + 1;
            return LineStatus.Line;
        }

        length = available.Length;
        if (_eof) return length == 0 ? LineStatus.End : LineStatus.Line;
        if (_start == 0 && _end == _buffer.Length)
        {
            // Keep a final CR with the LF that may follow it, so a CR LF is never split between pieces.
            if (available[^1] == '\r') length--;
            return LineStatus.Partial;
        }

        length = 0;
        return LineStatus.NeedMore;
    }

    public ReadOnlySpan<byte> Peek(int length) => _buffer.AsSpan(_start, length);

    public void Consume(int length)
    {
        if (length == 0) return;
        var span = _buffer.AsSpan(_start, length);
        LineFeeds += span.Count((byte)'\n');
        Position += length;
        foreach (var b in length > 3 ? span[^3..] : span) (_third, _second, _last) = (_second, _last, b);
        AtLineStart = span[^1] == '\n';
        _start += length;
    }

    public void Fill()
    {
        Compact();
        Filled(_stream.Read(_buffer, _end, _buffer.Length - _end));
    }

    /// <summary>Reads more input; completes synchronously (no state machine) when the stream does.</summary>
    public ValueTask FillAsync(CancellationToken cancellationToken)
    {
        Compact();
        var pending = _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        if (!pending.IsCompletedSuccessfully) return AwaitFillAsync(pending);
        // Already complete: reading the result does not block.
        Filled(pending.Result);
        return ValueTask.CompletedTask;
    }

    public BodyMark Mark() => new(Position, LineFeeds);

    /// <summary>
    /// Size in bytes and in lines of the body that started at <paramref name="mark"/> and ends here. When the body
    /// ends at a boundary the last line break consumed is the boundary's, not the body's. Lines count the line
    /// feeds in the body plus a last line without one.
    /// </summary>
    public (long Size, long Lines) Measure(BodyMark mark, bool atBoundary)
    {
        var end = Position;
        var lineFeeds = LineFeeds - mark.LineFeeds;
        var lastByte = _last;
        if (atBoundary && _last == '\n')
        {
            var eol = _second == '\r' ? 2 : 1;
            if (end - eol <= mark.Position) return (0, 0);
            end -= eol;
            lineFeeds--;
            lastByte = eol == 2 ? _third : _second;
        }

        var size = end - mark.Position;
        if (size <= 0) return (0, 0);
        return (size, lineFeeds + (lastByte == '\n' ? 0 : 1));
    }

    private async ValueTask AwaitFillAsync(ValueTask<int> pending) => Filled(await pending.ConfigureAwait(false));

    private void Filled(int read)
    {
        if (read == 0) _eof = true;
        _end += read;
    }

    private void Compact()
    {
        if (_start == 0) return;
        _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
        _end -= _start;
        _start = 0;
    }
}
