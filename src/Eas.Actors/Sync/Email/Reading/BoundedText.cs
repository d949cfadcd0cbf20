using System.Buffers;
using System.Text;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// A text sink that encodes what is written to it as UTF-8 into a rented buffer, keeps at most a limit's worth of
/// those bytes and measures all of them, so a body of any length is decoded once, held only up to what the phone
/// asked for, never held as a string, and still reports its full size (airsyncbase:EstimatedDataSize, MS-ASAIRS
/// 2.2.2.23). The kept prefix never ends inside a character: EAS counts TruncationSize in UTF-8 bytes (MS-ASAIRS
/// 2.2.2.40.2), so a limit of 4 on "añño" (1, 2, 2 and 1 bytes) keeps "añ" rather than half of the second "ñ". A lone
/// surrogate is encoded as U+FFFD (3 bytes), what the string's UTF-8 form would hold. Dispose returns the buffer.
/// </summary>
public sealed class BoundedText : TextWriter
{
    /// <summary>The largest buffer rented up front; a longer text grows it as it arrives.</summary>
    private const int MaxInitialBytes = 64 * 1024;

    private const int MinBufferBytes = 256;

    private readonly long _limit;
    private readonly int _initialBytes;
    private byte[]? _buffer;
    private int _keptSize;
    private bool _full;
    private char _highSurrogate;

    /// <param name="limit">Most UTF-8 bytes to keep; null keeps everything.</param>
    /// <param name="expectedBytes">
    /// How many bytes the text probably has (the part's size): the buffer is rented once for the smaller of that and the
    /// limit instead of growing chunk by chunk as text arrives.
    /// </param>
    public BoundedText(long? limit, int expectedBytes = 0)
    {
        _limit = Math.Max(0, limit ?? long.MaxValue);
        _initialBytes = (int)Math.Clamp(Math.Min(_limit, expectedBytes), MinBufferBytes, MaxInitialBytes);
    }

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>The UTF-8 size of everything written.</summary>
    public long TotalSize { get; private set; }

    /// <summary>The kept prefix as UTF-8: all of the text when <see cref="TotalSize"/> is within the limit. Valid until disposed.</summary>
    public ReadOnlySpan<byte> Kept => _buffer.AsSpan(0, _keptSize);

    public override void Write(char value)
    {
        if (value < '\u0080' && _highSurrogate == 0 && _buffer is not null && _keptSize < _buffer.Length)
        {
            TotalSize++;
            if (_full) return;
            if (_keptSize + 1 > _limit)
            {
                _full = true;
                return;
            }

            _buffer[_keptSize++] = (byte)value;
            return;
        }

        Write(new ReadOnlySpan<char>(in value));
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (buffer.IsEmpty) return;
        if (_highSurrogate != 0)
        {
            var high = _highSurrogate;
            _highSurrogate = '\0';
            if (char.IsLowSurrogate(buffer[0]))
            {
                Append([high, buffer[0]]);
                buffer = buffer[1..];
            }
            else
            {
                Append(new ReadOnlySpan<char>(in high));
            }
        }

        if (!buffer.IsEmpty && char.IsHighSurrogate(buffer[^1]))
        {
            _highSurrogate = buffer[^1];
            buffer = buffer[..^1];
        }

        if (!buffer.IsEmpty) Append(buffer);
    }

    /// <summary>Accounts for a high surrogate left at the end.</summary>
    public void Complete()
    {
        if (_highSurrogate == 0) return;
        var high = _highSurrogate;
        _highSurrogate = '\0';
        Append(new ReadOnlySpan<char>(in high));
    }

    /// <summary>How many bytes of the UTF-8 text fit in <paramref name="limit"/> without splitting a character.</summary>
    public static int PrefixLength(ReadOnlySpan<byte> utf8, long limit)
    {
        if (limit >= utf8.Length) return utf8.Length;
        var cut = (int)Math.Max(0, limit);
        while (cut > 0 && IsContinuation(utf8[cut])) cut--;
        return cut;
    }

    /// <summary>Whether <paramref name="b"/> continues a UTF-8 sequence (10xxxxxx) rather than starting a character.</summary>
    public static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
            _keptSize = 0;
        }

        base.Dispose(disposing);
    }

    /// <summary>Encodes chars that hold no surrogate pair split at either end.</summary>
    private void Append(ReadOnlySpan<char> chars)
    {
        if (_full)
        {
            TotalSize += Encoding.UTF8.GetByteCount(chars);
            return;
        }

        // Every char takes at least one byte: past room + 1 chars nothing more can be kept, only counted.
        var room = _limit - _keptSize;
        if ((chars.Length + 1L) * 3 > room && chars.Length > room + 1)
        {
            var take = (int)(room + 1);
            if (char.IsHighSurrogate(chars[take - 1])) take++;
            TotalSize += Encoding.UTF8.GetByteCount(chars[take..]);
            chars = chars[..take];
        }

        Reserve(Encoding.UTF8.GetMaxByteCount(chars.Length));
        var written = Encoding.UTF8.GetBytes(chars, _buffer.AsSpan(_keptSize));
        TotalSize += written;
        if (written <= room)
        {
            _keptSize += written;
            return;
        }

        _keptSize += PrefixLength(_buffer.AsSpan(_keptSize, written), room);
        _full = true;
    }

    private void Reserve(int bytes)
    {
        if (_buffer is null)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(_initialBytes, bytes));
            return;
        }

        if (_buffer.Length - _keptSize >= bytes) return;
        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(_keptSize + (long)bytes, _buffer.Length * 2L)));
        _buffer.AsSpan(0, _keptSize).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = grown;
    }
}
