namespace Eas.Mail.Mime;

/// <summary>
/// Splits a header block into fields (RFC 5322 section 2.2): a field starts on a line that does not begin with a
/// blank, and continuation lines (section 2.2.3 folding) belong to it. Lines may end in CRLF or a bare LF.
/// </summary>
internal static class HeaderBlockParser
{
    /// <summary>
    /// Whether <paramref name="line"/> starts a header field: a name of printable ASCII other than ":" (RFC 5322
    /// section 2.2), optional blanks (the obsolete form of section 4.5), then ":".
    /// </summary>
    public static bool IsFieldStart(ReadOnlySpan<byte> line)
    {
        var i = 0;
        while (i < line.Length && line[i] is > 32 and < 127 and not (byte)':') i++;
        if (i == 0) return false;
        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t') i++;
        return i < line.Length && line[i] == ':';
    }

    /// <summary>Whether <paramref name="line"/> is only a line break (the blank line that ends a header).</summary>
    public static bool IsBlankLine(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == '\n' && (line.Length == 1 || (line.Length == 2 && line[0] == '\r'));

    /// <summary>The length of <paramref name="block"/> up to (not including) its first blank line.</summary>
    public static int LengthToBlankLine(ReadOnlySpan<byte> block)
    {
        var start = 0;
        while (start < block.Length)
        {
            var lf = block[start..].IndexOf((byte)'\n');
            var end = lf < 0 ? block.Length : start + lf + 1;
            if (IsBlankLine(block[start..end])) return start;
            start = end;
        }

        return block.Length;
    }

    public static HeaderList Parse(byte[] block, int length)
    {
        if (length == 0) return HeaderList.Empty;
        var fields = new List<HeaderField>();
        var fieldStart = 0;
        var position = 0;
        while (position < length)
        {
            var lf = block.AsSpan(position, length - position).IndexOf((byte)'\n');
            var next = lf < 0 ? length : position + lf + 1;
            var continues = next < length && block[next] is (byte)' ' or (byte)'\t';
            if (!continues)
            {
                fields.Add(CreateField(block.AsMemory(fieldStart, next - fieldStart)));
                fieldStart = next;
            }

            position = next;
        }

        return new HeaderList([.. fields]);
    }

    private static HeaderField CreateField(ReadOnlyMemory<byte> raw)
    {
        var span = raw.Span;
        if (!IsFieldStart(span)) return new HeaderField(string.Empty, Unfold(span), raw);
        var colon = span.IndexOf((byte)':');
        var name = span[..colon].TrimEnd(" \t"u8);
        return new HeaderField(System.Text.Encoding.ASCII.GetString(name), Unfold(span[(colon + 1)..]), raw);
    }

    /// <summary>Removes every CR and LF (unfolding, RFC 5322 section 2.2.3), decodes and trims the result.</summary>
    private static string Unfold(ReadOnlySpan<byte> value)
    {
        Span<byte> scratch = value.Length <= 512 ? stackalloc byte[value.Length] : new byte[value.Length];
        var length = 0;
        foreach (var b in value)
        {
            if (b is not ((byte)'\r' or (byte)'\n')) scratch[length++] = b;
        }

        var text = scratch[..length].Trim(" \t"u8);
        return MimeCharsets.DecodeUtf8OrLatin1(text);
    }
}
