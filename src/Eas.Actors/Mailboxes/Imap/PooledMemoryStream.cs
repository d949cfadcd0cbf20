using System.Buffers;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// A seekable, growable buffer in memory whose bytes are rented from <see cref="ArrayPool{T}.Shared"/> and given back
/// when it is disposed: what <see cref="EmailReader.CreateBuffer"/> gives each fetched message of a Sync window that fits
/// in memory, so a window of 100 messages does not allocate (and clear) 100 new arrays. It behaves as a
/// <see cref="MemoryStream"/> made with a capacity: empty at first, and after <see cref="Dispose(bool)"/> every use
/// throws <see cref="ObjectDisposedException"/>, so no reader can see the bytes of the next message in a returned array.
/// </summary>
internal sealed class PooledMemoryStream : Stream
{
    private byte[]? _bytes;
    private int _length;
    private int _position;

    /// <param name="capacity">The bytes expected; more are taken as they are written.</param>
    public PooledMemoryStream(int capacity) => _bytes = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));

    public override bool CanRead => _bytes is not null;

    public override bool CanSeek => _bytes is not null;

    public override bool CanWrite => _bytes is not null;

    public override long Length
    {
        get
        {
            _ = Bytes;
            return _length;
        }
    }

    public override long Position
    {
        get
        {
            _ = Bytes;
            return _position;
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Array.MaxLength);
            _ = Bytes;
            _position = (int)value;
        }
    }

    private byte[] Bytes => _bytes ?? throw new ObjectDisposedException(nameof(PooledMemoryStream));

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var bytes = Bytes;
        var count = Math.Min(buffer.Length, _length - _position);
        if (count <= 0) return 0;
        bytes.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override int ReadByte()
    {
        var bytes = Bytes;
        return _position < _length ? bytes[_position++] : -1;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<int>(cancellationToken) : Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : new(Read(buffer.Span));

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var end = (long)_position + buffer.Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, Array.MaxLength, nameof(buffer));
        Reserve((int)end);
        ClearGap(_position);
        buffer.CopyTo(Bytes.AsSpan(_position));
        _position = (int)end;
        _length = Math.Max(_length, _position);
    }

    public override void WriteByte(byte value)
    {
        Reserve(_position + 1);
        ClearGap(_position);
        Bytes[_position++] = value;
        _length = Math.Max(_length, _position);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled(cancellationToken);
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled(cancellationToken);
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        if (target < 0) throw new IOException("An attempt was made to move the position before the beginning of the stream.");
        Position = target;
        return _position;
    }

    public override void SetLength(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Array.MaxLength);
        Reserve((int)value);
        ClearGap((int)value);
        _length = (int)value;
        _position = Math.Min(_position, _length);
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _bytes, null) is { } bytes) ArrayPool<byte>.Shared.Return(bytes);
        base.Dispose(disposing);
    }

    /// <summary>Room for <paramref name="end"/> bytes, keeping those written.</summary>
    private void Reserve(int end)
    {
        var bytes = Bytes;
        if (end <= bytes.Length) return;
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max((long)end, 2L * bytes.Length)));
        bytes.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(bytes);
        _bytes = larger;
    }

    /// <summary>A rented array holds old bytes: what lies between the length and <paramref name="end"/> must read as zeros.</summary>
    private void ClearGap(int end)
    {
        if (end > _length) Bytes.AsSpan(_length, end - _length).Clear();
    }
}
