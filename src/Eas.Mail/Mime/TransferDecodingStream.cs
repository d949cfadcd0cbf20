namespace Eas.Mail.Mime;

/// <summary>
/// A read-only, forward-only stream that decodes a base64 or quoted-printable body (RFC 2045 sections 6.7 and
/// 6.8) as it is read. It holds one input buffer and one output buffer of fixed size, so decoding a body of any
/// size costs the same memory. Create it with <see cref="TransferEncodings.CreateDecodingStream"/>.
/// </summary>
public sealed class TransferDecodingStream : Stream
{
    private const int InputSize = 8192;

    private readonly Stream _inner;
    private readonly ITransferDecoder _decoder;
    private readonly bool _leaveOpen;
    private readonly byte[] _input = new byte[InputSize];
    private readonly byte[] _output;
    private int _outputStart;
    private int _outputEnd;
    private bool _finished;

    internal TransferDecodingStream(Stream inner, ITransferDecoder decoder, bool leaveOpen)
    {
        _inner = inner;
        _decoder = decoder;
        _leaveOpen = leaveOpen;
        _output = new byte[InputSize + decoder.MaxHeldBytes];
    }

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
        while (true)
        {
            if (TryCopyOut(buffer, out var copied)) return copied;
            Decode(_inner.Read(_input));
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (TryCopyOut(buffer.Span, out var copied)) return new ValueTask<int>(copied);
            var pending = _inner.ReadAsync(_input, cancellationToken);
            if (!pending.IsCompletedSuccessfully) return AwaitReadAsync(pending, buffer, cancellationToken);
            // Already complete: reading the result does not block, and no state machine is needed.
            Decode(pending.Result);
        }
    }

    private async ValueTask<int> AwaitReadAsync(ValueTask<int> pending, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        Decode(await pending.ConfigureAwait(false));
        return await ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen) _inner.Dispose();
        base.Dispose(disposing);
    }

    private bool TryCopyOut(Span<byte> buffer, out int copied)
    {
        copied = 0;
        if (buffer.Length == 0) return true;
        if (_outputEnd > _outputStart)
        {
            copied = Math.Min(buffer.Length, _outputEnd - _outputStart);
            _output.AsSpan(_outputStart, copied).CopyTo(buffer);
            _outputStart += copied;
            return true;
        }

        return _finished;
    }

    private void Decode(int read)
    {
        _outputStart = 0;
        if (read == 0)
        {
            _outputEnd = _decoder.Flush(_output);
            _finished = true;
            return;
        }

        _outputEnd = _decoder.Decode(_input.AsSpan(0, read), _output);
    }
}
