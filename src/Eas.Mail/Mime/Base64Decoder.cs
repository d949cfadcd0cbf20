namespace Eas.Mail.Mime;

/// <summary>
/// Base64 as RFC 2045 section 6.8 asks receivers to read it: characters outside the alphabet (line breaks,
/// blanks, garbage) are ignored, and a missing "=" padding is tolerated by decoding the bytes a short final
/// quantum holds. A "=" ends the current quantum, so base64 blocks pasted one after another (each padded)
/// decode as their concatenation.
/// </summary>
internal sealed class Base64Decoder : ITransferDecoder
{
    private const sbyte Skip = -1;
    private const sbyte Pad = -2;
    private static readonly sbyte[] Values = BuildTable();

    private int _bits;
    private int _count;

    public int MaxHeldBytes => 3;

    /// <summary>Decodes a whole value (an RFC 2047 "B" word, an Outlook Thread-Index) in one call.</summary>
    public static byte[] DecodeAll(ReadOnlySpan<char> text)
    {
        var decoder = new Base64Decoder();
        var input = new byte[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (c < 128) input[length++] = (byte)c;
        }

        var output = new byte[length + 3];
        var written = decoder.Decode(input.AsSpan(0, length), output);
        written += decoder.Flush(output.AsSpan(written));
        return output.AsSpan(0, written).ToArray();
    }

    /// <summary>Whether <paramref name="text"/> is made only of base64 alphabet characters and "=".</summary>
    public static bool IsBase64Text(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= 128 || Values[c] == Skip) return false;
        }

        return true;
    }

    public int Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var written = 0;
        var bits = _bits;
        var count = _count;
        foreach (var b in input)
        {
            var value = Values[b];
            if (value >= 0)
            {
                bits = (bits << 6) | (byte)value;
                if (++count < 4) continue;
                output[written] = (byte)(bits >> 16);
                output[written + 1] = (byte)(bits >> 8);
                output[written + 2] = (byte)bits;
                written += 3;
                bits = 0;
                count = 0;
            }
            else if (value == Pad)
            {
                (_bits, _count) = (bits, count);
                written += Flush(output[written..]);
                bits = 0;
                count = 0;
            }
        }

        (_bits, _count) = (bits, count);
        return written;
    }

    public int Flush(Span<byte> output)
    {
        var written = _count switch
        {
            2 => Write(output, _bits >> 4, 1),
            3 => Write(output, _bits >> 2, 2),
            _ => 0,
        };
        _bits = 0;
        _count = 0;
        return written;
    }

    private static int Write(Span<byte> output, int bits, int count)
    {
        for (var i = 0; i < count; i++) output[i] = (byte)(bits >> (8 * (count - 1 - i)));
        return count;
    }

    private static sbyte[] BuildTable()
    {
        var table = new sbyte[256];
        Array.Fill(table, Skip);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (var i = 0; i < alphabet.Length; i++) table[alphabet[i]] = (sbyte)i;
        table['='] = Pad;
        return table;
    }
}
