using System.Text;

namespace Eas.Mail.Imap.Protocol;

/// <summary>
/// Splits one response line (without CRLF) into tokens, without allocating. Atoms stop at SP, parentheses,
/// brackets, a double quote and CTLs; unlike the RFC 3501 ATOM-CHAR rule they also stop at <c>[</c>, so that
/// <c>BODY[HEADER.FIELDS (FROM)]</c> comes out as the atom <c>BODY</c> followed by a bracketed section. A
/// literal announcement must be the last token of its line (RFC 3501 section 4.3); its octets follow the line.
/// </summary>
internal ref struct ImapTokenizer
{
    private readonly ReadOnlySpan<byte> _line;
    private int _position;

    public ImapTokenizer(ReadOnlySpan<byte> line, int position = 0)
    {
        _line = line;
        _position = position;
    }

    public readonly int Position => _position;

    /// <summary>Whether the next non-space byte is <paramref name="value"/>.</summary>
    public bool PeekIs(byte value)
    {
        SkipSpaces();
        return _position < _line.Length && _line[_position] == value;
    }

    /// <summary>Consumes one byte already checked with <see cref="PeekIs"/>.</summary>
    public void Skip() => _position++;

    /// <summary>
    /// Reads the next token. <paramref name="bytes"/> is the atom, the quoted content (escapes not yet removed)
    /// or the literal's digits; <paramref name="literalLength"/> is set for literals.
    /// </summary>
    public ImapTokenKind Read(out ReadOnlySpan<byte> bytes, out int literalLength)
    {
        bytes = default;
        literalLength = 0;
        SkipSpaces();
        if (_position >= _line.Length) return ImapTokenKind.End;

        var c = _line[_position];
        switch (c)
        {
            case (byte)'(': _position++; return ImapTokenKind.ListOpen;
            case (byte)')': _position++; return ImapTokenKind.ListClose;
            case (byte)'[': _position++; return ImapTokenKind.SectionOpen;
            case (byte)']': _position++; return ImapTokenKind.SectionClose;
            case (byte)'"':
                bytes = ReadQuoted();
                return ImapTokenKind.QuotedString;
            case (byte)'{':
                literalLength = ReadLiteral(out bytes);
                return ImapTokenKind.Literal;
            case (byte)'~' when _position + 1 < _line.Length && _line[_position + 1] == '{':
                _position++;
                literalLength = ReadLiteral(out bytes);
                return ImapTokenKind.Literal;
        }

        var start = _position;
        while (_position < _line.Length && IsAtomByte(_line[_position])) _position++;
        if (_position == start)
            throw Malformed($"unexpected byte 0x{c:X2}");
        bytes = _line[start.._position];
        return bytes.Length == 3 && Ascii.EqualsIgnoreCase(bytes, "NIL"u8) ? ImapTokenKind.Nil : ImapTokenKind.Atom;
    }

    /// <summary>Reads an atom or throws; used where the grammar demands one (tags, status words, names).</summary>
    public ReadOnlySpan<byte> ReadAtom(string what)
    {
        var kind = Read(out var bytes, out _);
        return kind is ImapTokenKind.Atom or ImapTokenKind.Nil ? bytes : throw Malformed($"expected {what}");
    }

    /// <summary>The rest of the line after one optional space: free text such as <c>resp-text</c>.</summary>
    public ReadOnlySpan<byte> ReadRest()
    {
        if (_position < _line.Length && _line[_position] == ' ') _position++;
        var rest = _line[_position..];
        _position = _line.Length;
        return rest;
    }

    /// <summary>The raw bytes up to the next <c>]</c>, which is consumed (response code arguments).</summary>
    public ReadOnlySpan<byte> ReadUntilSectionClose()
    {
        var length = _line[_position..].IndexOf((byte)']');
        if (length < 0) throw Malformed("response code without a closing ']'");
        var content = _line.Slice(_position, length);
        _position += length + 1;
        return content;
    }

    /// <summary>Removes the backslash escapes of a quoted string's content (RFC 3501 section 4.3).</summary>
    public static byte[] Unescape(ReadOnlySpan<byte> quoted)
    {
        var escapes = 0;
        for (var i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] == '\\')
            {
                escapes++;
                i++;
            }
        }

        var result = new byte[quoted.Length - escapes];
        var written = 0;
        for (var i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] == '\\') i++;
            result[written++] = quoted[i];
        }

        return result;
    }

    public readonly ImapProtocolException Malformed(string problem)
    {
        const int excerptLength = 80;
        var from = Math.Max(0, Math.Min(_position, _line.Length) - excerptLength / 2);
        var excerpt = _line.Slice(from, Math.Min(excerptLength, _line.Length - from));
        return new ImapProtocolException(
            $"Malformed IMAP response ({problem}) at column {_position}: \"{Encoding.UTF8.GetString(excerpt)}\"");
    }

    private static bool IsAtomByte(byte c) =>
        c > 0x20 && c != 0x7F && c is not ((byte)'(' or (byte)')' or (byte)'[' or (byte)']' or (byte)'"' or (byte)'{');

    private void SkipSpaces()
    {
        while (_position < _line.Length && _line[_position] == ' ') _position++;
    }

    private ReadOnlySpan<byte> ReadQuoted()
    {
        var start = ++_position;
        while (_position < _line.Length)
        {
            var c = _line[_position];
            if (c == '"')
            {
                var content = _line[start.._position];
                _position++;
                return content;
            }

            _position += c == '\\' ? 2 : 1;
        }

        throw Malformed("unterminated quoted string");
    }

    private int ReadLiteral(out ReadOnlySpan<byte> digits)
    {
        var start = ++_position;
        while (_position < _line.Length && char.IsAsciiDigit((char)_line[_position])) _position++;
        digits = _line[start.._position];
        if (_position < _line.Length && _line[_position] == '+') _position++;
        if (digits.IsEmpty || _position >= _line.Length || _line[_position] != '}')
            throw Malformed("invalid literal announcement");
        _position++;
        if (_position != _line.Length) throw Malformed("literal announcement not at the end of the line");
        if (!int.TryParse(digits, System.Globalization.NumberStyles.None, null, out var length))
            throw Malformed("literal length out of range");
        return length;
    }
}
