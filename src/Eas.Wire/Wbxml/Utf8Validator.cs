using System.Buffers;
using System.Text.Unicode;

namespace Eas.Wire.Wbxml;

/// <summary>
/// Whether bytes that arrive in chunks are well-formed UTF-8 (RFC 3629), the charset of every WBXML document this
/// server writes: the check that decides whether stored bytes can go out unchanged as a WBXML inline string
/// (<see cref="WbxmlStrings"/>). Each chunk is checked with <see cref="Utf8.IsValid(ReadOnlySpan{byte})"/>; a sequence
/// split across two chunks (at most 3 of its bytes at a chunk's end) is carried over and checked whole with the start
/// of the next chunk, so the answer does not depend on where the chunks are cut. Nothing is copied but the carried
/// bytes.
/// </summary>
public struct Utf8Validator
{
    private const int ChunkBytes = 64 * 1024;

    private uint _carried;
    private int _carriedLength;
    private int _needed;
    private bool _invalid;

    /// <summary>False once any byte so far is not part of well-formed UTF-8.</summary>
    public readonly bool IsValidSoFar => !_invalid;

    /// <summary>Whether the whole input was well-formed UTF-8: nothing invalid and no sequence left unfinished.</summary>
    public readonly bool IsValid => !_invalid && _carriedLength == 0;

    /// <summary>Whether the bytes of <paramref name="stream"/>, from its position to its end, are well-formed UTF-8; stops at the first invalid chunk.</summary>
    public static async Task<bool> IsValidAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var validator = default(Utf8Validator);
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (!validator.Append(buffer.AsSpan(0, read))) return false;
            }

            return validator.IsValid;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Checks the next chunk; returns <see cref="IsValidSoFar"/>.</summary>
    public bool Append(ReadOnlySpan<byte> chunk)
    {
        if (_invalid) return false;
        if (_carriedLength > 0)
        {
            var take = Math.Min(_needed - _carriedLength, chunk.Length);
            Span<byte> sequence = stackalloc byte[4];
            BitConverter.TryWriteBytes(sequence, _carried);
            chunk[..take].CopyTo(sequence[_carriedLength..]);
            _carriedLength += take;
            chunk = chunk[take..];
            if (_carriedLength < _needed)
            {
                _carried = BitConverter.ToUInt32(sequence);
                return true;
            }

            _carriedLength = 0;
            if (!Utf8.IsValid(sequence[.._needed])) return Fail();
        }

        var tail = UnfinishedTail(chunk, out var needed);
        if (!Utf8.IsValid(chunk[..^tail])) return Fail();
        if (tail > 0)
        {
            Span<byte> sequence = stackalloc byte[4];
            sequence.Clear();
            chunk[^tail..].CopyTo(sequence);
            _carried = BitConverter.ToUInt32(sequence);
            _carriedLength = tail;
            _needed = needed;
        }

        return true;
    }

    private bool Fail()
    {
        _invalid = true;
        return false;
    }

    /// <summary>
    /// How many bytes at the end of <paramref name="chunk"/> are the start of a sequence the chunk does not finish (0 to 3),
    /// and how long that sequence is by its lead byte. A lead byte that announces no valid length is left for
    /// <see cref="Utf8.IsValid(ReadOnlySpan{byte})"/> to refuse.
    /// </summary>
    private static int UnfinishedTail(ReadOnlySpan<byte> chunk, out int needed)
    {
        needed = 0;
        for (var back = 1; back <= Math.Min(3, chunk.Length); back++)
        {
            var b = chunk[^back];
            if ((b & 0xC0) == 0x80) continue;
            needed = b switch
            {
                >= 0xC2 and <= 0xDF => 2,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xF0 and <= 0xF4 => 4,
                _ => 0,
            };
            return needed > back ? back : 0;
        }

        return 0;
    }
}
