using System.Runtime.InteropServices;

namespace Eas.Fuzz;

/// <summary>
/// Havoc-style byte mutation: each call copies a seed and stacks one to six random edits on it. Every
/// choice comes from one <see cref="Random"/>, so a run is repeated exactly by giving the same seed.
/// </summary>
internal sealed class Mutator(Random random, IReadOnlyList<byte[]> splicePool, IReadOnlyList<byte[]> dictionary, int maxLength)
{
    /// <summary>Values that sit on decoder boundaries: SWITCH_PAGE/NUL, END, STR_I/version, the content bit, the attribute bit, OPAQUE, 0xFF.</summary>
    public static readonly byte[] InterestingBytes = [0x00, 0x01, 0x03, 0x40, 0x80, 0xC3, 0xFF];

    /// <summary>
    /// mb_u_int32 encodings (WAP-192 5.1) around the limits: one byte more than is left, 128, 48 MiB (the
    /// opaque limit) and one past it, int.MaxValue, 2^31 and uint.MaxValue, and a six-byte overflow.
    /// </summary>
    private static readonly byte[][] LargeLengths =
    [
        [0x7F],
        [0x81, 0x00],
        [0x83, 0xFF, 0x7F],
        [0x98, 0x80, 0x80, 0x00],
        [0x98, 0x80, 0x80, 0x01],
        [0x87, 0xFF, 0xFF, 0xFF, 0x7F],
        [0x88, 0x80, 0x80, 0x80, 0x00],
        [0x8F, 0xFF, 0xFF, 0xFF, 0x7F],
        [0x90, 0x80, 0x80, 0x80, 0x00],
        [0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
    ];

    private readonly List<byte> _buffer = new(4096);

    public byte[] Mutate(byte[] seed)
    {
        _buffer.Clear();
        _buffer.AddRange(seed);
        var edits = 1 + random.Next(random.Next(2) == 0 ? 2 : 6);
        for (var i = 0; i < edits; i++) MutateOnce();
        if (_buffer.Count > maxLength) _buffer.RemoveRange(maxLength, _buffer.Count - maxLength);
        return [.. _buffer];
    }

    private void MutateOnce()
    {
        if (_buffer.Count == 0)
        {
            Insert(0, dictionary[random.Next(dictionary.Count)]);
            return;
        }

        var bytes = CollectionsMarshal.AsSpan(_buffer);
        var at = random.Next(bytes.Length);
        switch (random.Next(12))
        {
            case 0:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                bytes[at] = InterestingBytes[random.Next(InterestingBytes.Length)];
                break;
            case 2:
                bytes[at] = (byte)random.Next(256);
                break;
            case 3:
                bytes[at] = (byte)(bytes[at] + random.Next(-16, 17));
                break;
            case 4:
                InsertRun(at);
                break;
            case 5:
                _buffer.RemoveRange(at, Math.Min(_buffer.Count - at, 1 + random.Next(random.Next(2) == 0 ? 4 : 64)));
                break;
            case 6:
                _buffer.RemoveRange(at, _buffer.Count - at);
                break;
            case 7:
                Splice(at);
                break;
            case 8:
                RepeatChunk(at);
                break;
            case 9:
                LargeLength();
                break;
            default:
                Insert(at, dictionary[random.Next(dictionary.Count)]);
                break;
        }
    }

    private void InsertRun(int at)
    {
        var length = 1 + random.Next(32);
        Span<byte> run = stackalloc byte[length];
        switch (random.Next(3))
        {
            case 0:
                random.NextBytes(run);
                break;
            case 1:
                run.Fill(InterestingBytes[random.Next(InterestingBytes.Length)]);
                break;
            default:
                var from = random.Next(_buffer.Count);
                var copied = Math.Min(length, _buffer.Count - from);
                CollectionsMarshal.AsSpan(_buffer).Slice(from, copied).CopyTo(run);
                run = run[..copied];
                break;
        }

        Insert(at, run);
    }

    /// <summary>Keeps this input up to <paramref name="at"/> and continues with the tail of another seed.</summary>
    private void Splice(int at)
    {
        var other = splicePool[random.Next(splicePool.Count)];
        var from = random.Next(other.Length);
        _buffer.RemoveRange(at, _buffer.Count - at);
        Insert(at, other.AsSpan(from));
    }

    /// <summary>Repeats a chunk many times in place: deep nesting, long sibling lists, element-count limits.</summary>
    private void RepeatChunk(int at)
    {
        var length = Math.Min(1 + random.Next(48), _buffer.Count - at);
        var times = 1 + random.Next(random.Next(4) == 0 ? 2000 : 64);
        var chunk = CollectionsMarshal.AsSpan(_buffer).Slice(at, length).ToArray();
        var repeated = new byte[Math.Min(length * times, maxLength)];
        for (var offset = 0; offset < repeated.Length; offset += length)
            chunk.AsSpan(0, Math.Min(length, repeated.Length - offset)).CopyTo(repeated.AsSpan(offset));
        Insert(at + length, repeated);
    }

    /// <summary>Gives an OPAQUE (or, failing one, any byte) a huge mb_u_int32 length in place of the one it had.</summary>
    private void LargeLength()
    {
        var bytes = CollectionsMarshal.AsSpan(_buffer);
        var start = random.Next(bytes.Length);
        var opaque = bytes[start..].IndexOf((byte)0xC3);
        if (opaque < 0) opaque = bytes[..start].IndexOf((byte)0xC3);
        else opaque += start;
        var at = (opaque < 0 ? start : opaque) + 1;

        var old = 0;
        while (at + old < bytes.Length && old < 5 && (bytes[at + old] & 0x80) != 0) old++;
        if (at + old < bytes.Length) old++;
        _buffer.RemoveRange(at, old);
        Insert(at, LargeLengths[random.Next(LargeLengths.Length)]);
    }

    private void Insert(int at, ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Count + bytes.Length > maxLength) bytes = bytes[..Math.Max(0, maxLength - _buffer.Count)];
        _buffer.InsertRange(at, bytes);
    }
}
