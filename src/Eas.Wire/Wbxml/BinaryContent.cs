using System.Buffers;
using System.Buffers.Text;

namespace Eas.Wire.Wbxml;

/// <summary>
/// Bytes a response carries from a stream rather than from memory: an attachment in a temporary file. The response
/// writer places it (base64 inside the WBXML, or raw as a part of a multipart response) and reads the stream once,
/// in chunks, when the body goes out, so the bytes never sit in memory whole. The content owns its stream:
/// disposing it disposes the stream (a temporary file then deletes itself).
/// </summary>
public sealed class BinaryContent : IDisposable
{
    private const int ChunkBytes = 48 * 1024;

    /// <summary>Takes <paramref name="stream"/> from its current position to its end; it must be seekable, so the length is known before writing.</summary>
    public BinaryContent(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead) throw new ArgumentException("Content needs a readable, seekable stream.", nameof(stream));
        Stream = stream;
        Length = stream.Length - stream.Position;
    }

    /// <summary>The number of bytes.</summary>
    public long Length { get; }

    /// <summary>The bytes' stream, positioned at their start until they are written.</summary>
    public Stream Stream { get; }

    /// <summary>The length of the base64 form (RFC 4648, padded) of <paramref name="length"/> bytes.</summary>
    public static long Base64Length(long length) => (length + 2) / 3 * 4;

    /// <summary>Content held in memory (a reply that crossed between nodes, a test).</summary>
    public static BinaryContent FromBytes(byte[] bytes) => new(new MemoryStream(bytes, writable: false));

    /// <summary>Content over bytes already in memory (an element's value), without copying them when they are an array's.</summary>
    public static BinaryContent FromMemory(ReadOnlyMemory<byte> bytes) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new(new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false))
            : FromBytes(bytes.ToArray());

    /// <summary>Copies the bytes as they are.</summary>
    public Task CopyToAsync(Stream destination, CancellationToken cancellationToken) => CopyToAsync(destination, asString: false, cancellationToken);

    /// <summary>
    /// Copies the bytes, as they are or, with <paramref name="asString"/>, as the body of a WBXML inline string:
    /// each NUL byte, which would end the string early (WAP-192 5.8.4.1, STR_I), goes out as a space
    /// (<see cref="WbxmlStrings.NulReplacement"/>), so the length stays what <see cref="Length"/> says.
    /// </summary>
    public async Task CopyToAsync(Stream destination, bool asString, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var left = Length;
            while (left > 0)
            {
                var read = await Stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(left, ChunkBytes)), cancellationToken).ConfigureAwait(false);
                if (read == 0) throw new EndOfStreamException($"The content ended {left} bytes short of its {Length} bytes.");
                if (asString) WbxmlStrings.ReplaceNuls(buffer.AsSpan(0, read));
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                left -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Copies the bytes' base64 form, <see cref="Base64Length"/> bytes, encoding one chunk at a time.</summary>
    public async Task CopyBase64ToAsync(Stream destination, CancellationToken cancellationToken)
    {
        var raw = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var encoded = ArrayPool<byte>.Shared.Rent((int)Base64Length(ChunkBytes));
        try
        {
            var left = Length;
            while (left > 0)
            {
                // Fill whole chunks (a multiple of 3 bytes) so padding can only appear at the very end.
                var want = (int)Math.Min(left, ChunkBytes);
                var filled = 0;
                while (filled < want)
                {
                    var read = await Stream.ReadAsync(raw.AsMemory(filled, want - filled), cancellationToken).ConfigureAwait(false);
                    if (read == 0) throw new EndOfStreamException($"The content ended {left - filled} bytes short of its {Length} bytes.");
                    filled += read;
                }

                left -= filled;
                Base64.EncodeToUtf8(raw.AsSpan(0, filled), encoded, out _, out var written, isFinalBlock: left == 0);
                await destination.WriteAsync(encoded.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
            ArrayPool<byte>.Shared.Return(encoded);
        }
    }

    /// <summary>Disposes the stream.</summary>
    public void Dispose() => Stream.Dispose();
}
