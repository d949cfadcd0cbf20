using System.Text;

namespace Eas.Mail.Mime;

/// <summary>
/// RFC 2047 encoded-words ("=?charset?B|Q?text?="). Decoding follows section 6: whitespace between two adjacent
/// encoded-words is dropped (section 6.2), and adjacent words in the same charset are joined as bytes before the
/// charset is applied, so a character split across two words (as some mailers split UTF-8) comes out whole.
/// A language suffix ("charset*lang", RFC 2231 section 5) is ignored. A malformed word (no closing "?=", an
/// unknown encoding letter, blanks inside, non-base64 text) is left as it is. Like mail clients, words glued to
/// other text are decoded too.
/// </summary>
public static class EncodedWords
{
    private const int MaxWordLength = 75;
    private const int BytesPerWord = 45;

    /// <summary>Decodes the encoded-words in unstructured text or a phrase; text without any is returned unchanged.</summary>
    public static string DecodeText(string text)
    {
        if (!text.Contains("=?", StringComparison.Ordinal)) return text;
        var segments = Split(text);
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.Charset is null)
            {
                var between = i > 0 && i + 1 < segments.Count && segments[i - 1].Charset is not null
                    && segments[i + 1].Charset is not null && string.IsNullOrWhiteSpace(segment.Text);
                if (!between) result.Append(segment.Text);
                continue;
            }

            var bytes = new List<byte>(segment.Bytes!);
            while (NextWordInSameCharset(segments, i, segment.Charset, out var next))
            {
                bytes.AddRange(segments[next].Bytes!);
                i = next;
            }

            result.Append(MimeCharsets.Decode(bytes.ToArray(), segment.Charset));
        }

        return result.ToString();
    }

    /// <summary>
    /// Encodes <paramref name="text"/> as UTF-8 "B" encoded-words of at most 75 characters (section 2), split on
    /// character boundaries and separated by a space; plain ASCII without "=?" is returned unchanged.
    /// </summary>
    public static string Encode(string text)
    {
        if (Ascii.IsValid(text) && !text.Contains("=?", StringComparison.Ordinal)) return text;
        var words = new List<string>();
        var chunk = new StringBuilder();
        var chunkBytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (chunkBytes + rune.Utf8SequenceLength > BytesPerWord)
            {
                words.Add(EncodeWord(chunk.ToString()));
                chunk.Clear();
                chunkBytes = 0;
            }

            chunk.Append(rune.ToString());
            chunkBytes += rune.Utf8SequenceLength;
        }

        if (chunk.Length > 0) words.Add(EncodeWord(chunk.ToString()));
        return string.Join(' ', words);
    }

    private static string EncodeWord(string chunk)
    {
        var word = "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(chunk)) + "?=";
        System.Diagnostics.Debug.Assert(word.Length <= MaxWordLength, "word fits the RFC 2047 limit");
        return word;
    }

    private static bool NextWordInSameCharset(List<Segment> segments, int index, string charset, out int next)
    {
        next = index + 1;
        if (next < segments.Count && segments[next].Charset is null && string.IsNullOrWhiteSpace(segments[next].Text)) next++;
        return next < segments.Count && segments[next].Charset is { } other
            && string.Equals(CharsetLabels.Normalize(other), CharsetLabels.Normalize(charset), StringComparison.Ordinal);
    }

    private static List<Segment> Split(string text)
    {
        var segments = new List<Segment>();
        var literalStart = 0;
        var i = 0;
        while (i < text.Length - 1)
        {
            if (text[i] == '=' && text[i + 1] == '?' && TryParseWord(text, i, out var word, out var end))
            {
                if (i > literalStart) segments.Add(new Segment(text[literalStart..i], null, null));
                segments.Add(word);
                i = literalStart = end;
                continue;
            }

            i++;
        }

        if (literalStart < text.Length) segments.Add(new Segment(text[literalStart..], null, null));
        return segments;
    }

    private static bool TryParseWord(string text, int start, out Segment word, out int end)
    {
        word = default;
        end = 0;
        var charsetEnd = text.IndexOf('?', start + 2);
        if (charsetEnd < 0 || charsetEnd == start + 2 || charsetEnd + 2 >= text.Length || text[charsetEnd + 2] != '?') return false;
        var charset = text[(start + 2)..charsetEnd];
        if (charset.Any(char.IsWhiteSpace)) return false;
        var encoding = char.ToUpperInvariant(text[charsetEnd + 1]);
        var textStart = charsetEnd + 3;
        var close = text.IndexOf("?=", textStart, StringComparison.Ordinal);
        if (close < 0 || encoding is not ('B' or 'Q')) return false;
        var encoded = text.AsSpan(textStart, close - textStart);
        if (encoded.ContainsAny(" \t\r\n")) return false;
        if (encoding == 'B' && !Base64Decoder.IsBase64Text(encoded)) return false;
        var bytes = encoding == 'B' ? Base64Decoder.DecodeAll(encoded) : DecodeQ(encoded);
        word = new Segment(null, charset, bytes);
        end = close + 2;
        return true;
    }

    /// <summary>The "Q" encoding (section 4.2): "_" is a space, "=XX" a byte, anything else itself.</summary>
    private static byte[] DecodeQ(ReadOnlySpan<char> encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '_') bytes.Add((byte)' ');
            else if (c == '=' && i + 2 < encoded.Length && char.IsAsciiHexDigit(encoded[i + 1]) && char.IsAsciiHexDigit(encoded[i + 2]))
            {
                bytes.Add((byte)((QuotedPrintableDecoder.HexValue((byte)encoded[i + 1]) << 4) | QuotedPrintableDecoder.HexValue((byte)encoded[i + 2])));
                i += 2;
            }
            else if (c < 128) bytes.Add((byte)c);
            else bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }

        return [.. bytes];
    }

    private readonly record struct Segment(string? Text, string? Charset, byte[]? Bytes);
}
