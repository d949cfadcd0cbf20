using System.Text;
using MimeKit;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// The decoder for a text part's charset (RFC 2045 section 5.1), never one that throws. The label is resolved
/// by MimeKit (<see cref="ContentType.CharsetEncoding"/>, which knows the aliases mailers write); invalid bytes
/// decode to U+FFFD. A label MimeKit cannot resolve, no label, and "us-ascii" (which often holds 8-bit bytes
/// anyway) decode with <see cref="Utf8OrLatin1"/>, MimeKit's own rule for unknown charsets ("UTF-8, else
/// ISO-8859-1") in a form that works on a stream. "iso-8859-1" decodes as windows-1252, as the WHATWG Encoding
/// Standard and mail clients do; "utf-7" (RFC 2152), which .NET no longer returns by name, is decoded still.
/// </summary>
public static class BodyCharsets
{
    private const int AsciiCodePage = 20127;
    private const int Latin1CodePage = 28591;
    private const int Windows1252CodePage = 1252;

    /// <summary>
    /// Valid UTF-8 sequences decode as UTF-8 and each byte that is not part of one as its ISO-8859-1 character.
    /// On a whole text this equals "UTF-8 if valid, else Latin-1" except for Latin-1 text that happens to hold
    /// valid UTF-8 sequences.
    /// </summary>
    public static Encoding Utf8OrLatin1 { get; } = CreateUtf8OrLatin1();

    /// <summary>The decoder for <paramref name="contentType"/>'s charset parameter.</summary>
    public static Encoding For(ContentType contentType)
    {
        if (IsUtf7(contentType.Charset)) return CreateUtf7();
        return contentType.CharsetEncoding switch
        {
            null or { CodePage: AsciiCodePage } => Utf8OrLatin1,
            { CodePage: Latin1CodePage } => Encoding.GetEncoding(Windows1252CodePage),
            var encoding => encoding,
        };
    }

    private static bool IsUtf7(string? charset) =>
        charset is not null && (charset.Trim().Equals("utf-7", StringComparison.OrdinalIgnoreCase)
            || charset.Trim().Equals("unicode-1-1-utf-7", StringComparison.OrdinalIgnoreCase));

    private static Encoding CreateUtf7()
    {
        // .NET refuses "utf-7" by name (SYSLIB0001: UTF-7 can smuggle markup past web filters), but it is a
        // registered mail charset still seen in old messages, and here it only ever decodes.
#pragma warning disable SYSLIB0001
        var utf7 = (Encoding)new UTF7Encoding(allowOptionals: true).Clone();
#pragma warning restore SYSLIB0001
        utf7.DecoderFallback = new DecoderReplacementFallback("\uFFFD");
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
