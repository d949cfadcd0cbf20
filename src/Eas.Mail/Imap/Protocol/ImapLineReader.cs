using System.Buffers;

namespace Eas.Mail.Imap.Protocol;

/// <summary>
/// Buffered reading of CRLF-terminated lines and literal octets from a stream. Lines are returned as slices of
/// one pooled buffer (valid until the next read), so reading allocates nothing per line or per byte; the
/// buffer grows up to <see cref="ImapLimits.MaxLineLength"/> when a line does not fit.
/// </summary>
internal sealed class ImapLineReader : IDisposable
{
    private const int InitialBufferSize = 4096;

    private readonly Stream _stream;
    private readonly int _maxLineLength;
    private byte[] _buffer;
    private int _start;
    private int _end;

    public ImapLineReader(Stream stream, int maxLineLength)
    {
        _stream = stream;
        _maxLineLength = maxLineLength;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, maxLineLength + 2));
    }

    /// <summary>Bytes received but not yet consumed.</summary>
    public int BufferedCount => _end - _start;

    /// <summary>
    /// Reads one line without its line ending (CRLF; a bare LF is tolerated). The result aliases the internal
    /// buffer and is valid until the next call on this reader.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadLineAsync(bool midResponse, CancellationToken cancellationToken)
    {
        var scanned = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lf = _start + scanned + newline;
                var length = lf - _start;
                if (length > 0 && _buffer[lf - 1] == '\r') length--;
                if (length > _maxLineLength) throw LineTooLong();
                var line = _buffer.AsMemory(_start, length);
                _start = lf + 1;
                return line;
            }

            scanned = _end - _start;
            if (scanned > _maxLineLength + 1) throw LineTooLong();
            if (await FillAsync(cancellationToken).ConfigureAwait(false) == 0)
                throw ImapProtocolException.Closed(midResponse || scanned > 0);
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> octets (a literal's content) into a new array.</summary>
    public async ValueTask<byte[]> ReadBytesAsync(int count, CancellationToken cancellationToken)
    {
        var result = count == 0 ? [] : new byte[count];
        var fromBuffer = Math.Min(count, BufferedCount);
        _buffer.AsSpan(_start, fromBuffer).CopyTo(result);
        _start += fromBuffer;
        var filled = fromBuffer;
        while (filled < count)
        {
            var read = await _stream.ReadAsync(result.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0) throw ImapProtocolException.Closed(midResponse: true);
            filled += read;
        }

        return result;
    }

    /// <summary>
    /// Copies exactly <paramref name="count"/> octets (a literal's content) to <paramref name="destination"/>
    /// in chunks of at most <paramref name="chunkSize"/>, so that only one pooled chunk is ever held.
    /// </summary>
    public async ValueTask CopyBytesAsync(long count, Stream destination, int chunkSize, CancellationToken cancellationToken)
    {
        var fromBuffer = (int)Math.Min(count, BufferedCount);
        if (fromBuffer > 0)
        {
            await destination.WriteAsync(_buffer.AsMemory(_start, fromBuffer), cancellationToken).ConfigureAwait(false);
            _start += fromBuffer;
        }

        var remaining = count - fromBuffer;
        if (remaining == 0) return;
        var chunk = ArrayPool<byte>.Shared.Rent((int)Math.Min(remaining, chunkSize));
        try
        {
            while (remaining > 0)
            {
                var read = await _stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(remaining, chunk.Length)), cancellationToken).ConfigureAwait(false);
                if (read == 0) throw ImapProtocolException.Closed(midResponse: true);
                await destination.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                remaining -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _start = _end = 0;
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
    }

    private async ValueTask<int> FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            var pending = _end - _start;
            if (_start == 0)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _maxLineLength + 2));
                _buffer.AsSpan(0, pending).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
                _buffer = larger;
            }
            else
            {
                _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            }

            _start = 0;
            _end = pending;
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read;
    }

    private ImapProtocolException LineTooLong() =>
        new($"A response line exceeds the limit of {_maxLineLength} bytes (ImapLimits.MaxLineLength).");
}
