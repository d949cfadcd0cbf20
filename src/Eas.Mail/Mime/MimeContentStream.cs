namespace Eas.Mail.Mime;

/// <summary>
/// The encoded bytes of one leaf body, read in place from <see cref="MimeInput"/> up to the next boundary
/// delimiter of any enclosing multipart or the end of the message. The line break before a delimiter belongs to
/// the delimiter (RFC 2046 section 5.1.1), so each line break is held back until the next line is known not to
/// be one. The stream is valid only while the reader is at its part.
/// </summary>
internal sealed class MimeContentStream : Stream
{
    private readonly MimeInput _input;
    private readonly BoundaryStack _boundaries;
    private int _copyRemaining;
    private int _lineBreak;
    private int _heldBreak;
    private int _emitBreak;
    private int _emitted;
    private bool _done;
    private bool _expired;

    public MimeContentStream(MimeInput input, BoundaryStack boundaries)
    {
        _input = input;
        _boundaries = boundaries;
    }

    /// <summary>Whether the body ended at a delimiter line (rather than at the end of the message).</summary>
    public bool EndedAtBoundary { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_expired, this);
        while (true)
        {
            var read = ReadCore(buffer, out var needMore);
            if (!needMore) return read;
            _input.Fill();
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_expired, this);
        return ReadInternalAsync(buffer, cancellationToken);
    }

    /// <summary>Ends the caller's use of the stream and reads past whatever the caller left unread.</summary>
    public async ValueTask FinishAsync(byte[] scratch, CancellationToken cancellationToken)
    {
        _expired = true;
        while (true)
        {
            var read = ReadCore(scratch, out var needMore);
            if (needMore) await _input.FillAsync(cancellationToken).ConfigureAwait(false);
            else if (read == 0) return;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Serves from the buffer and fills it as needed, entering a state machine only when a fill is really pending.</summary>
    private ValueTask<int> ReadInternalAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = ReadCore(buffer.Span, out var needMore);
            if (!needMore) return new ValueTask<int>(read);
            var fill = _input.FillAsync(cancellationToken);
            if (!fill.IsCompletedSuccessfully) return AwaitFillThenReadAsync(fill, buffer, cancellationToken);
        }
    }

    private async ValueTask<int> AwaitFillThenReadAsync(ValueTask fill, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        await fill.ConfigureAwait(false);
        return await ReadInternalAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    private int ReadCore(Span<byte> buffer, out bool needMore)
    {
        needMore = false;
        var written = 0;
        while (written < buffer.Length)
        {
            if (_emitted < _emitBreak)
            {
                var lineBreak = _emitBreak == 2 ? "\r\n"u8 : "\n"u8;
                buffer[written++] = lineBreak[_emitted++];
                continue;
            }

            if (_copyRemaining > 0)
            {
                var count = Math.Min(_copyRemaining, buffer.Length - written);
                _input.Peek(count).CopyTo(buffer[written..]);
                _input.Consume(count);
                written += count;
                _copyRemaining -= count;
                if (_copyRemaining == 0) HoldLineBreak();
                continue;
            }

            if (_done) break;
            var status = _input.PeekLine(out var length);
            if (status == LineStatus.NeedMore)
            {
                needMore = written == 0;
                return written;
            }

            if (status == LineStatus.End)
            {
                // At the end of the message the held line break is part of the body after all.
                _done = true;
                StartEmit(_heldBreak);
                continue;
            }

            var line = _input.Peek(length);
            if (status == LineStatus.Line && _input.AtLineStart && _boundaries.Match(line, out _) >= 0)
            {
                _done = true;
                EndedAtBoundary = true;
                break;
            }

            StartEmit(_heldBreak);
            _lineBreak = status == LineStatus.Line ? LineBreakLength(line) : 0;
            _copyRemaining = length - _lineBreak;
            if (_copyRemaining == 0) HoldLineBreak();
        }

        return written;
    }

    private void StartEmit(int lineBreak)
    {
        _emitBreak = lineBreak;
        _emitted = 0;
        _heldBreak = 0;
    }

    private void HoldLineBreak()
    {
        _input.Consume(_lineBreak);
        _heldBreak = _lineBreak;
        _lineBreak = 0;
    }

    private static int LineBreakLength(ReadOnlySpan<byte> line) =>
        line.Length == 0 || line[^1] != '\n' ? 0 : line.Length >= 2 && line[^2] == '\r' ? 2 : 1;
}
