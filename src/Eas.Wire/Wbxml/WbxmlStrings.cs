namespace Eas.Wire.Wbxml;

/// <summary>
/// The one rule for carrying bytes that are not ours to change (a stored MIME message) in a WBXML inline string.
/// STR_I (WAP-192 5.8.4.1) is the bytes up to a NUL terminator, so a NUL inside cannot be carried. RFC 5322 2.3 and
/// RFC 2045 2.7/2.8 forbid NUL in a message, so one only appears in a damaged or hostile message; it is written as a
/// space. Replacing rather than dropping keeps the length: a body streamed from a temporary file has its size (an
/// HTTP Content-Length, airsyncbase:EstimatedDataSize) known before its first byte is read, without a second pass.
/// The bytes must also be UTF-8, the document's charset: <see cref="Utf8Validator"/> tells, and a caller whose bytes
/// are not makes an equivalent that is (a stored message in another charset goes as its 7-bit form).
/// </summary>
public static class WbxmlStrings
{
    /// <summary>What a NUL byte of a carried value is written as: a space.</summary>
    public const byte NulReplacement = (byte)' ';

    /// <summary>Replaces every NUL byte of <paramref name="bytes"/> in place.</summary>
    public static void ReplaceNuls(Span<byte> bytes) => bytes.Replace((byte)0, NulReplacement);

    /// <summary>The bytes, or a copy with every NUL replaced when they hold one.</summary>
    public static ReadOnlyMemory<byte> WithoutNuls(ReadOnlyMemory<byte> bytes)
    {
        if (!bytes.Span.Contains((byte)0)) return bytes;
        var copy = bytes.ToArray();
        ReplaceNuls(copy);
        return copy;
    }

    /// <summary>
    /// The bytes, or a copy without its NUL bytes when they hold one: text of ours, whose NUL characters are dropped
    /// rather than carried (<see cref="WbxmlElement.WithUtf8Text"/>, <see cref="WbxmlWriter.WriteString(ReadOnlySpan{char})"/>).
    /// </summary>
    public static ReadOnlyMemory<byte> DropNuls(ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        var first = span.IndexOf((byte)0);
        if (first < 0) return bytes;
        var copy = new byte[span.Length - span.Count((byte)0)];
        span[..first].CopyTo(copy);
        var kept = first;
        foreach (var b in span[(first + 1)..])
            if (b != 0) copy[kept++] = b;
        return copy;
    }
}
