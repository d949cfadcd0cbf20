using System.Collections.Concurrent;
using System.Text;

namespace Eas.Mail.Mime;

/// <summary>
/// Turns a MIME charset label (RFC 2045 section 5.1, RFC 2978) into a decoder that never throws. Every code
/// page .NET knows after <see cref="CodePagesEncodingProvider"/> is registered is available, under the
/// labels mailers actually write ("utf8", "latin1", "cp1252", "windows-31j", "x-mac-roman"...). Invalid
/// bytes decode to U+FFFD. A label that is unknown, empty or junk ("x-unknown", "unknown-8bit") and
/// "us-ascii" holding 8-bit bytes decode as UTF-8 when the bytes are valid UTF-8, else as ISO-8859-1.
/// "iso-8859-1" itself decodes as windows-1252, as the WHATWG Encoding Standard and mail clients do.
/// </summary>
public static class MimeCharsets
{
    private const int Utf7CodePage = 65000;
    private const int FallbackCodePage = -1;

    private static readonly ConcurrentDictionary<int, Encoding> ByCodePage = new();
    private static readonly Encoding Latin1Strict = Encoding.Latin1;
    private static readonly UTF8Encoding Utf8Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static MimeCharsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// Streaming form of the fallback: valid UTF-8 sequences decode as UTF-8 and each byte that is not part of
    /// one decodes as its ISO-8859-1 character. On a whole text this equals "UTF-8 if valid, else Latin-1"
    /// except for Latin-1 text that happens to contain valid UTF-8 sequences.
    /// </summary>
    public static Encoding Utf8OrLatin1 { get; } = CreateUtf8OrLatin1();

    /// <summary>
    /// The encoding for <paramref name="charset"/> with U+FFFD replacement, or null when the label names no
    /// charset this runtime can decode (or names US-ASCII, whose 8-bit bytes need the fallback).
    /// </summary>
    public static Encoding? TryGetEncoding(string? charset)
    {
        var codePage = CharsetLabels.Resolve(charset);
        return codePage is null or FallbackCodePage ? null : ByCodePage.GetOrAdd(codePage.Value, Create);
    }

    /// <summary>A decoder for <paramref name="charset"/>; <see cref="Utf8OrLatin1"/> when the label is unknown.</summary>
    public static Encoding GetEncoding(string? charset) => TryGetEncoding(charset) ?? Utf8OrLatin1;

    /// <summary>Decodes a whole byte string; unknown labels decode as UTF-8 if valid, else as ISO-8859-1.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? charset)
    {
        var encoding = TryGetEncoding(charset);
        return encoding is null ? DecodeUtf8OrLatin1(bytes) : StripBom(encoding.GetString(bytes));
    }

    /// <summary>
    /// UTF-8 when <paramref name="bytes"/> are valid UTF-8, else ISO-8859-1. Used for raw 8-bit header text
    /// (RFC 6532 allows UTF-8 there; older mailers wrote their local charset, most often Latin-1).
    /// </summary>
    public static string DecodeUtf8OrLatin1(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return StripBom(Utf8Strict.GetString(bytes));
        return Latin1Strict.GetString(bytes);
    }

    private static string StripBom(string text) =>
        text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    private static Encoding Create(int codePage)
    {
        var replacement = new DecoderReplacementFallback("\uFFFD");
        if (codePage != Utf7CodePage)
            return Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, replacement);

        // .NET refuses "utf-7" by name (SYSLIB0001: UTF-7 can smuggle markup past web filters), but it is a
        // registered mail charset (RFC 2152) still seen in old messages, and here it only ever decodes.
#pragma warning disable SYSLIB0001
        var utf7 = (Encoding)new UTF7Encoding(allowOptionals: true).Clone();
#pragma warning restore SYSLIB0001
        utf7.DecoderFallback = replacement;
        return utf7;
    }

    private static Encoding CreateUtf8OrLatin1()
    {
        var encoding = (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).Clone();
        encoding.DecoderFallback = new Latin1ByteFallback();
        return encoding;
    }

    /// <summary>Maps each byte the UTF-8 decoder rejects to the ISO-8859-1 character of the same value.</summary>
    private sealed class Latin1ByteFallback : DecoderFallback
    {
        public override int MaxCharCount => 4;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : DecoderFallbackBuffer
        {
            private byte[] _bytes = [];
            private int _next;

            public override int Remaining => _bytes.Length - _next;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                _bytes = bytesUnknown;
                _next = 0;
                return bytesUnknown.Length > 0;
            }

            public override char GetNextChar() => _next < _bytes.Length ? (char)_bytes[_next++] : '\0';

            public override bool MovePrevious()
            {
                if (_next == 0) return false;
                _next--;
                return true;
            }

            public override void Reset()
            {
                _bytes = [];
                _next = 0;
            }
        }
    }
}
