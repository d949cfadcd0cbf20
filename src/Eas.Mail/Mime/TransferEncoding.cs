namespace Eas.Mail.Mime;

/// <summary>The Content-Transfer-Encoding mechanisms of RFC 2045 section 6.1.</summary>
public enum TransferEncoding
{
    /// <summary>"7bit", also the default when the field is absent (RFC 2045 section 6.1).</summary>
    SevenBit,

    /// <summary>"8bit".</summary>
    EightBit,

    /// <summary>"binary".</summary>
    Binary,

    /// <summary>"quoted-printable" (RFC 2045 section 6.7).</summary>
    QuotedPrintable,

    /// <summary>"base64" (RFC 2045 section 6.8).</summary>
    Base64,

    /// <summary>
    /// A value this reader does not decode ("x-uuencode", junk). RFC 2045 section 6.4 says to treat such a body
    /// as application/octet-stream; its bytes are passed through unchanged.
    /// </summary>
    Unknown,
}

/// <summary>Parses Content-Transfer-Encoding values and wraps streams with the matching decoder.</summary>
public static class TransferEncodings
{
    /// <summary>Parses a Content-Transfer-Encoding value (case-insensitive, blanks and a comment ignored); null is 7bit.</summary>
    public static TransferEncoding Parse(string? value)
    {
        if (value is null) return TransferEncoding.SevenBit;
        var span = value.AsSpan();
        var comment = span.IndexOf('(');
        if (comment >= 0) span = span[..comment];
        span = span.Trim().Trim('"').Trim();
        if (span.Length == 0) return TransferEncoding.SevenBit;
        if (span.Equals("base64", StringComparison.OrdinalIgnoreCase)) return TransferEncoding.Base64;
        if (span.Equals("quoted-printable", StringComparison.OrdinalIgnoreCase)) return TransferEncoding.QuotedPrintable;
        if (span.Equals("7bit", StringComparison.OrdinalIgnoreCase)) return TransferEncoding.SevenBit;
        if (span.Equals("8bit", StringComparison.OrdinalIgnoreCase)) return TransferEncoding.EightBit;
        if (span.Equals("binary", StringComparison.OrdinalIgnoreCase)) return TransferEncoding.Binary;
        return TransferEncoding.Unknown;
    }

    /// <summary>Whether bodies in this encoding are stored as they are, so a message/rfc822 body can be parsed in place.</summary>
    public static bool IsIdentity(this TransferEncoding encoding) =>
        encoding is not (TransferEncoding.Base64 or TransferEncoding.QuotedPrintable);

    /// <summary>
    /// A stream that yields the decoded bytes of <paramref name="encoded"/>: a <see cref="TransferDecodingStream"/>
    /// for base64 and quoted-printable, <paramref name="encoded"/> itself for the identity encodings.
    /// </summary>
    public static Stream CreateDecodingStream(Stream encoded, TransferEncoding encoding, bool leaveOpen = false) =>
        encoding switch
        {
            TransferEncoding.Base64 => new TransferDecodingStream(encoded, new Base64Decoder(), leaveOpen),
            TransferEncoding.QuotedPrintable => new TransferDecodingStream(encoded, new QuotedPrintableDecoder(), leaveOpen),
            _ => encoded,
        };
}
