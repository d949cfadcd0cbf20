using System.Text;

namespace Eas.Mail.Mime;

/// <summary>
/// A text sink that keeps at most a limit's worth of what is written to it (never splitting a character) and
/// measures all of it, so a body of any length can be decoded once and still report its full size.
/// </summary>
internal sealed class BoundedText : TextWriter
{
    private readonly StringBuilder _kept = new();
    private readonly long _limit;
    private readonly TruncationUnit _unit;
    private long _keptSize;
    private bool _full;
    private char _highSurrogate;

    public BoundedText(long? limit, TruncationUnit unit)
    {
        _limit = limit ?? long.MaxValue;
        _unit = unit;
    }

    public override Encoding Encoding => Encoding.Unicode;

    /// <summary>The size of everything written, in the unit.</summary>
    public long TotalSize { get; private set; }

    /// <summary>The kept prefix: all of the text when <see cref="TotalSize"/> is within the limit.</summary>
    public string Kept => _kept.ToString();

    public override void Write(char value) => Write([value]);

    public override void Write(string? value) => Write(value.AsSpan());

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
                    Add(high, c, TextTruncation.UnitSize(high, paired: true, _unit));
                    continue;
                }

                Add(high, '\0', TextTruncation.UnitSize(high, paired: false, _unit));
            }

            if (char.IsHighSurrogate(c)) _highSurrogate = c;
            else Add(c, '\0', TextTruncation.UnitSize(c, paired: false, _unit));
        }
    }

    /// <summary>Accounts for a high surrogate left at the end.</summary>
    public void Complete()
    {
        if (_highSurrogate == 0) return;
        Add(_highSurrogate, '\0', TextTruncation.UnitSize(_highSurrogate, paired: false, _unit));
        _highSurrogate = '\0';
    }

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
        _kept.Append(first);
        if (second != 0) _kept.Append(second);
    }
}
