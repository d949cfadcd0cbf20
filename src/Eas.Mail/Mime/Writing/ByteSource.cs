using System.Buffers;

namespace Eas.Mail.Mime.Writing;

/// <summary>What a scan of copied bytes found.</summary>
/// <param name="ContainsMarker">Whether the marker occurs anywhere in the range.</param>
/// <param name="Has8Bit">Whether any byte is 0x80 or above (RFC 2045 section 2.8: then the range is not 7bit).</param>
internal readonly record struct ScanResult(bool ContainsMarker, bool Has8Bit);

/// <summary>
/// A message the writer copies from by byte range, as <see cref="MimePart.BodyOffset"/> and
/// <see cref="MimePart.Size"/> locate its parts: bodies are copied as encoded, never decoded.
/// </summary>
internal abstract class ByteSource
{
    protected const int ChunkSize = 16 * 1024;

    /// <summary>The number of bytes from the start of the message to its end.</summary>
    public abstract long Length { get; }

    /// <summary>Copies a range to <paramref name="output"/> with line ends made CRLF.</summary>
    public abstract ValueTask CopyToAsync(MimeOutput output, long offset, long length, CancellationToken cancellationToken);

    /// <summary>Looks for <paramref name="marker"/> (empty: none) and for 8-bit bytes in a range.</summary>
    public abstract ValueTask<ScanResult> ScanAsync(long offset, long length, ReadOnlyMemory<byte> marker, CancellationToken cancellationToken);
}

/// <summary>A message held in memory: the phone's submission, which arrives whole in the request.</summary>
internal sealed class MemorySource(ReadOnlyMemory<byte> bytes) : ByteSource
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public override long Length => Bytes.Length;

    /// <summary>A read-only stream over <see cref="Bytes"/>, without a copy when they live in an array.</summary>
    public Stream OpenRead() => OpenRead(Bytes);

    /// <summary>A read-only stream over a range of <see cref="Bytes"/>.</summary>
    public Stream OpenRead(long offset, long length) => OpenRead(Bytes.Slice((int)offset, (int)length));

    private static MemoryStream OpenRead(ReadOnlyMemory<byte> bytes) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    public override async ValueTask CopyToAsync(MimeOutput output, long offset, long length, CancellationToken cancellationToken)
    {
        var range = Bytes.Slice((int)offset, (int)length);
        while (!range.IsEmpty)
        {
            var chunk = range[..Math.Min(ChunkSize, range.Length)];
            output.WriteNormalized(chunk.Span);
            range = range[chunk.Length..];
            await output.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
        }

        output.EndNormalized();
    }

    public override ValueTask<ScanResult> ScanAsync(long offset, long length, ReadOnlyMemory<byte> marker, CancellationToken cancellationToken)
    {
        var range = Bytes.Span.Slice((int)offset, (int)length);
        return ValueTask.FromResult(new ScanResult(!marker.IsEmpty && range.IndexOf(marker.Span) >= 0, range.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0));
    }
}

/// <summary>
/// A message in a seekable stream (the original of a SmartReply or SmartForward, fetched from IMAP into a file or
/// memory). Offsets count from the stream's position when the source was made; the stream must stay open and
/// unchanged until the composed message has been written, since writing reads it again.
/// </summary>
internal sealed class StreamSource : ByteSource
{
    private readonly Stream _stream;
    private readonly long _origin;

    public StreamSource(Stream stream)
    {
        if (!stream.CanSeek || !stream.CanRead) throw new ArgumentException("The original message must be in a readable, seekable stream.", nameof(stream));
        _stream = stream;
        _origin = stream.Position;
    }

    public override long Length => _stream.Length - _origin;

    /// <summary>Puts the stream back at the start of the message (before it is parsed).</summary>
    public Stream Rewind()
    {
        _stream.Position = _origin;
        return _stream;
    }

    public override async ValueTask CopyToAsync(MimeOutput output, long offset, long length, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            _stream.Position = _origin + offset;
            while (length > 0)
            {
                var read = await _stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(ChunkSize, length)), cancellationToken).ConfigureAwait(false);
                if (read == 0) throw new EndOfStreamException("The original message became shorter while it was being copied.");
                output.WriteNormalized(buffer.AsSpan(0, read));
                length -= read;
                await output.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
            }

            output.EndNormalized();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public override async ValueTask<ScanResult> ScanAsync(long offset, long length, ReadOnlyMemory<byte> marker, CancellationToken cancellationToken)
    {
        // Each chunk is read after the last marker.Length - 1 bytes of the one before, so a marker split
        // between two reads is still found.
        var overlap = Math.Max(0, marker.Length - 1);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize + overlap);
        try
        {
            _stream.Position = _origin + offset;
            var kept = 0;
            var has8Bit = false;
            while (length > 0)
            {
                var read = await _stream.ReadAsync(buffer.AsMemory(kept, (int)Math.Min(ChunkSize, length)), cancellationToken).ConfigureAwait(false);
                if (read == 0) throw new EndOfStreamException("The original message became shorter while it was being read.");
                var window = buffer.AsSpan(0, kept + read);
                if (!marker.IsEmpty && window.IndexOf(marker.Span) >= 0) return new ScanResult(true, has8Bit);
                has8Bit |= window[kept..].IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
                length -= read;
                kept = Math.Min(overlap, window.Length);
                window[^kept..].CopyTo(buffer);
            }

            return new ScanResult(false, has8Bit);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
