namespace Eas.Mail.Mime;

/// <summary>
/// Quoted-printable per RFC 2045 section 6.7: "=XX" (either case) is a byte, "=" before a line break (with
/// blanks between, rule 3) is a soft break that joins the lines, and blanks at the end of a line are transport
/// padding and dropped. An "=" that starts no valid escape is kept as it is, as the section's note on robust
/// decoders suggests. Line breaks (CRLF or bare LF) are passed through unchanged.
/// </summary>
internal sealed class QuotedPrintableDecoder : ITransferDecoder
{
    private const int MaxBlanks = 64;

    private readonly byte[] _blanks = new byte[MaxBlanks];
    private int _blankCount;
    private State _state;
    private byte _firstHex;

    private enum State
    {
        Text,
        TextCr,
        Equals,
        EqualsHex,
        EqualsBlanks,
        EqualsCr,
    }

    public int MaxHeldBytes => MaxBlanks + 4;

    public int Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var written = 0;
        foreach (var b in input) written += Step(b, output[written..]);
        return written;
    }

    public int Flush(Span<byte> output)
    {
        var written = _state switch
        {
            State.TextCr => Put(output, (byte)'\r'),
            State.EqualsHex => Put(output, (byte)'=') + Put(output[1..], _firstHex),
            _ => 0,
        };
        _state = State.Text;
        _blankCount = 0;
        return written;
    }

    private int Step(byte b, Span<byte> output)
    {
        switch (_state)
        {
            case State.TextCr:
                _state = State.Text;
                if (b == '\n')
                {
                    _blankCount = 0;
                    return Put(output, (byte)'\r') + Put(output[1..], b);
                }

                var held = EmitBlanks(output);
                held += Put(output[held..], (byte)'\r');
                return held + Step(b, output[held..]);

            case State.Equals:
                _state = State.Text;
                if (Uri.IsHexDigit((char)b))
                {
                    _firstHex = b;
                    _state = State.EqualsHex;
                    return 0;
                }

                if (b is (byte)' ' or (byte)'\t') return HoldBlankAfterEquals(b, output);
                if (b == '\r') _state = State.EqualsCr;
                if (b is (byte)'\r' or (byte)'\n') return 0;
                return Put(output, (byte)'=') + Step(b, output[1..]);

            case State.EqualsHex:
                _state = State.Text;
                if (Uri.IsHexDigit((char)b)) return Put(output, (byte)((HexValue(_firstHex) << 4) | HexValue(b)));
                return Put(output, (byte)'=') + Put(output[1..], _firstHex) + Step(b, output[2..]);

            case State.EqualsBlanks:
                if (b is (byte)' ' or (byte)'\t') return HoldBlankAfterEquals(b, output);
                _state = State.Text;
                if (b is (byte)'\r' or (byte)'\n')
                {
                    _blankCount = 0;
                    if (b == '\r') _state = State.EqualsCr;
                    return 0;
                }

                var kept = Put(output, (byte)'=') + EmitBlanks(output[1..]);
                return kept + Step(b, output[kept..]);

            case State.EqualsCr:
                // "=" CR LF is a soft break; "=" CR alone (old Mac line ends) is taken as one too.
                _state = State.Text;
                return b == '\n' ? 0 : Step(b, output);

            default:
                return StepText(b, output);
        }
    }

    private int StepText(byte b, Span<byte> output)
    {
        switch (b)
        {
            case (byte)' ' or (byte)'\t':
                var flushed = _blankCount == MaxBlanks ? EmitBlanks(output) : 0;
                _blanks[_blankCount++] = b;
                return flushed;
            case (byte)'\r':
                _state = State.TextCr;
                return 0;
            case (byte)'\n':
                _blankCount = 0;
                return Put(output, b);
            case (byte)'=':
                _state = State.Equals;
                return EmitBlanks(output);
            default:
                var written = EmitBlanks(output);
                return written + Put(output[written..], b);
        }
    }

    private int HoldBlankAfterEquals(byte b, Span<byte> output)
    {
        if (_blankCount == MaxBlanks)
        {
            _state = State.Text;
            var written = Put(output, (byte)'=') + EmitBlanks(output[1..]);
            return written + Step(b, output[written..]);
        }

        _blanks[_blankCount++] = b;
        _state = State.EqualsBlanks;
        return 0;
    }

    private int EmitBlanks(Span<byte> output)
    {
        var count = _blankCount;
        _blanks.AsSpan(0, count).CopyTo(output);
        _blankCount = 0;
        return count;
    }

    internal static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    private static int Put(Span<byte> output, byte b)
    {
        output[0] = b;
        return 1;
    }
}
