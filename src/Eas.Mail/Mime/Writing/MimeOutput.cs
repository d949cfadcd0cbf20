using System.Buffers;
using System.Text;

namespace Eas.Mail.Mime.Writing;

/// <summary>
/// The writer's view of the destination: a buffer that is handed to the stream whenever it passes
/// <see cref="FlushThreshold"/> bytes, so a message of any size costs the same memory. Every byte that is
/// copied from a source goes through <see cref="WriteNormalized"/>, which makes each bare LF and bare CR a CRLF:
/// RFC 5322 section 2.3 allows CR and LF only together, and SMTP (RFC 5321 section 2.3.8) must not send them
/// alone. The buffer is also an <see cref="IBufferWriter{T}"/> for the transfer encoders.
/// </summary>
internal sealed class MimeOutput(Stream destination) : IBufferWriter<byte>
{
    public const int FlushThreshold = 32 * 1024;

    private byte[] _buffer = new byte[2 * FlushThreshold];
    private int _length;
    private bool _pendingCr;

    public void Advance(int count) => _length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_length);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Writes text as UTF-8 (header lines the writer makes; RFC 6532 allows UTF-8 where a caller put it).</summary>
    public void Write(string text)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
    }

    public void WriteLine(string text)
    {
        Write(text);
        WriteCrlf();
    }

    public void WriteCrlf() => Write("\r\n"u8);

    /// <summary>Writes a header field exactly as it was read, with its line ends made CRLF and a final CRLF ensured.</summary>
    public void WriteField(HeaderField field)
    {
        var raw = field.RawBytes.Span;
        WriteNormalized(raw);
        EndNormalized();
        if (raw.Length == 0 || raw[^1] is not ((byte)'\n' or (byte)'\r')) WriteCrlf();
    }

    /// <summary>Copies bytes with every bare CR and bare LF made CRLF; a CR at the end waits for the next call.</summary>
    public void WriteNormalized(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_pendingCr)
            {
                _pendingCr = false;
                WriteCrlf();
                if (data[0] == '\n') data = data[1..];
                continue;
            }

            var end = data.IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                Write(data);
                return;
            }

            Write(data[..end]);
            if (data[end] == '\r') _pendingCr = true;
            else WriteCrlf();
            data = data[(end + 1)..];
        }
    }

    /// <summary>Ends a normalized copy: a CR left at its very end becomes a CRLF.</summary>
    public void EndNormalized()
    {
        if (!_pendingCr) return;
        _pendingCr = false;
        WriteCrlf();
    }

    /// <summary>Hands the buffer to the destination once it holds <see cref="FlushThreshold"/> bytes or more.</summary>
    public ValueTask FlushIfFullAsync(CancellationToken cancellationToken) =>
        _length >= FlushThreshold ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_length == 0) return;
        await destination.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
        _length = 0;
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _length >= needed) return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + needed));
    }
}
