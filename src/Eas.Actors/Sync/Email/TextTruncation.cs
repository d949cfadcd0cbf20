using System.Text;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// Cuts bodies to a size without splitting a character: text by UTF-8 bytes (MS-ASAIRS TruncationSize
/// counts bytes) or by UTF-16 characters (the 2.5 codes count characters), and raw bytes back to the
/// start of a UTF-8 sequence. Text comes as a string or as its UTF-8 bytes; a cut of the bytes keeps the bytes of
/// what the same cut of the string keeps.
/// </summary>
internal static class TextTruncation
{
    /// <summary>The longest prefix of <paramref name="text"/> whose UTF-8 form fits in <paramref name="maxBytes"/>.</summary>
    public static string Utf8Prefix(string text, long? maxBytes)
    {
        if (maxBytes is not { } limit || limit >= (long)text.Length * 3 || limit >= Encoding.UTF8.GetByteCount(text)) return text;
        var bytes = Encoding.UTF8.GetBytes(text);
        if (limit >= bytes.Length) return text;
        return Encoding.UTF8.GetString(bytes, 0, Utf8Boundary(bytes, (int)limit, bytes.Length));
    }

    /// <summary>The first <paramref name="maxBytes"/> bytes of <paramref name="data"/>, backed off to the start of a UTF-8 sequence.</summary>
    public static ReadOnlyMemory<byte> BytePrefix(ReadOnlyMemory<byte> data, long? maxBytes)
    {
        if (maxBytes is not { } limit || limit >= data.Length) return data;
        return data[..Utf8Boundary(data.Span, (int)limit, 3)];
    }

    /// <summary>The first <paramref name="maxChars"/> UTF-16 characters, one fewer if the cut would split a surrogate pair.</summary>
    public static string CharPrefix(string text, long? maxChars)
    {
        if (maxChars is not { } limit || limit >= text.Length) return text;
        var length = (int)limit;
        if (length > 0 && char.IsHighSurrogate(text[length - 1])) length--;
        return text[..length];
    }

    /// <summary>
    /// The longest prefix of the UTF-8 text <paramref name="utf8"/> that holds at most <paramref name="maxChars"/> UTF-16
    /// characters, a character outside the BMP counting two and never cut in half: the bytes of what
    /// <see cref="CharPrefix(string, long?)"/> keeps of the decoded string.
    /// </summary>
    public static ReadOnlyMemory<byte> CharPrefix(ReadOnlyMemory<byte> utf8, long? maxChars)
    {
        // A UTF-16 unit takes at least one UTF-8 byte, so a limit of at least the byte count keeps everything.
        if (maxChars is not { } limit || limit >= utf8.Length) return utf8;
        var span = utf8.Span;
        long chars = 0;
        var end = 0;
        while (end < span.Length)
        {
            Rune.DecodeFromUtf8(span[end..], out var rune, out var consumed);
            if (chars + rune.Utf16SequenceLength > limit) break;
            chars += rune.Utf16SequenceLength;
            end += consumed;
        }

        return utf8[..end];
    }

    /// <summary>The number of UTF-16 characters the UTF-8 text decodes to (the length of its string).</summary>
    public static int CharCount(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetCharCount(utf8);

    /// <summary>
    /// Moves a cut at <paramref name="cut"/> back over UTF-8 continuation bytes (10xxxxxx) so that it falls
    /// before the lead byte of the split character, by at most <paramref name="maxBackOff"/> bytes; for data
    /// that is not UTF-8 the cut then stays close to the asked size.
    /// </summary>
    private static int Utf8Boundary(ReadOnlySpan<byte> bytes, int cut, int maxBackOff)
    {
        var boundary = cut;
        while (boundary > 0 && cut - boundary < maxBackOff && (bytes[boundary] & 0xC0) == 0x80) boundary--;
        return (bytes[boundary] & 0xC0) == 0x80 ? cut : boundary;
    }
}
