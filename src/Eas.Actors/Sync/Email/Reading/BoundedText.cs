using System.Text;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// A text sink that keeps at most a limit's worth of UTF-8 bytes of what is written to it and measures all of
/// it, so a body of any length is decoded once, held only up to what the phone asked for, and still reports its
/// full size (airsyncbase:EstimatedDataSize, MS-ASAIRS 2.2.2.23). The kept prefix never ends inside a character:
/// EAS counts TruncationSize in UTF-8 bytes (MS-ASAIRS 2.2.2.40.2), so a limit of 4 on "añño" (1, 2, 2 and 1
/// bytes) keeps "añ" rather than half of the second "ñ". A lone surrogate counts as the 3 bytes of U+FFFD.
/// </summary>
public sealed class BoundedText : TextWriter
{
    private readonly StringBuilder _kept;
    private readonly long _limit;
    private string? _keptText;
    private long _keptSize;
    private bool _full;
    private char _highSurrogate;

    /// <param name="limit">Most UTF-8 bytes to keep; null keeps everything.</param>
    /// <param name="expectedChars">
    /// How many chars the text probably has (the part's size): the buffer is sized once for the smaller of that and the
    /// limit instead of growing chunk by chunk as chars arrive.
    /// </param>
    public BoundedText(long? limit, int expectedChars = 0)
    {
        _limit = Math.Max(0, limit ?? long.MaxValue);
        _kept = new StringBuilder((int)Math.Clamp(Math.Min(_limit, expectedChars), 16, MaxInitialChars));
    }

    /// <summary>The largest buffer sized up front; a longer text grows it as it arrives.</summary>
    private const int MaxInitialChars = 64 * 1024;

    public override Encoding Encoding => Encoding.Unicode;

    /// <summary>The UTF-8 size of everything written.</summary>
    public long TotalSize { get; private set; }

    /// <summary>The kept prefix: all of the text when <see cref="TotalSize"/> is within the limit.</summary>
    public string Kept => _keptText ??= _kept.ToString();

    public override void Write(char value) => Write([value]);

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        foreach (var c in buffer)
        {
            if (_highSurrogate != 0)
            {
                var high = _highSurrogate;
                _highSurrogate = '\0';
                if (char.IsLowSurrogate(c))
                {
                    Add(high, c, 4);
                    continue;
                }

                Add(high, '\0', 3);
            }

            if (char.IsHighSurrogate(c)) _highSurrogate = c;
            else Add(c, '\0', Utf8Size(c));
        }
    }

    /// <summary>Accounts for a high surrogate left at the end.</summary>
    public void Complete()
    {
        if (_highSurrogate == 0) return;
        Add(_highSurrogate, '\0', 3);
        _highSurrogate = '\0';
    }

    /// <summary>How many chars of <paramref name="text"/> fit in <paramref name="limit"/> UTF-8 bytes without splitting a character.</summary>
    public static int PrefixLength(ReadOnlySpan<char> text, long limit)
    {
        long size = 0;
        var i = 0;
        while (i < text.Length)
        {
            var paired = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var next = paired ? 4 : Utf8Size(text[i]);
            if (size + next > limit) break;
            size += next;
            i += paired ? 2 : 1;
        }

        return i;
    }

    /// <summary>The UTF-8 size of one UTF-16 unit that is not part of a pair (a lone surrogate encodes as U+FFFD).</summary>
    public static int Utf8Size(char c) => c switch { < '\u0080' => 1, < '\u0800' => 2, _ => 3 };

    private void Add(char first, char second, int size)
    {
        TotalSize += size;
        if (_full) return;
        if (_keptSize + size > _limit)
        {
            _full = true;
            return;
        }

        _keptSize += size;
        _keptText = null;
        _kept.Append(first);
        if (second != 0) _kept.Append(second);
    }
}
