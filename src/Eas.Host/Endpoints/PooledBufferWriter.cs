using System.Buffers;

namespace Eas.Host.Endpoints;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over rented chunks of <see cref="ChunkSize"/> bytes (larger only for a single span
/// asked larger), written out one after the other. A response grows by renting one more chunk, never by copying what
/// it holds into a larger array: a Sync window of 100 messages (about 600 KB) used to rent and copy its way up through
/// arrays of 4 KB to 1 MB, sizes the pool often had none of, so they were allocated anew. Dispose returns the chunks.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    /// <summary>The size of one chunk: a size the shared pool keeps several of per core.</summary>
    public const int ChunkSize = 64 * 1024;

    private readonly List<(byte[] Array, int Written)> _full = [];
    private byte[] _current = [];
    private int _currentWritten;
    private int _fullWritten;

    /// <summary>The bytes written so far.</summary>
    public int WrittenCount => _fullWritten + _currentWritten;

    /// <summary>The written bytes in order, chunk by chunk; valid until the next write or Dispose.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> WrittenChunks
    {
        get
        {
            foreach (var (array, written) in _full) yield return array.AsMemory(0, written);
            if (_currentWritten > 0) yield return _current.AsMemory(0, _currentWritten);
        }
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_currentWritten + count > _current.Length) throw new InvalidOperationException("Advanced past the buffer.");
        _currentWritten += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _current.AsMemory(_currentWritten);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _current.AsSpan(_currentWritten);
    }

    /// <summary>Writes the bytes to <paramref name="destination"/>, chunk by chunk.</summary>
    public async Task WriteToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in WrittenChunks) await destination.WriteAsync(chunk, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var (array, _) in _full) ArrayPool<byte>.Shared.Return(array);
        _full.Clear();
        if (_current.Length > 0) ArrayPool<byte>.Shared.Return(_current);
        _current = [];
        (_currentWritten, _fullWritten) = (0, 0);
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_current.Length - _currentWritten >= needed) return;
        if (_currentWritten > 0)
        {
            _full.Add((_current, _currentWritten));
            _fullWritten += _currentWritten;
        }
        else if (_current.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_current);
        }

        _current = ArrayPool<byte>.Shared.Rent(Math.Max(needed, ChunkSize));
        _currentWritten = 0;
    }
}
