using System.Text;

namespace Eas.Mail.Mime.Writing;

/// <summary>
/// Writes text given in pieces as one UTF-8 body in quoted-printable or base64, whichever is shorter for it: each
/// encoded body is 7-bit with lines of at most 76 characters, so it passes any SMTP server (RFC 2045 section 6,
/// RFC 5321 section 4.5.3.1.6). Line breaks of any kind become CRLF first, the canonical form of text
/// (RFC 2046 section 4.1.1), and no piece is ever joined with another into one string.
/// </summary>
internal static class TextPartEncoder
{
    private const int CharsPerStep = 4096;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Quoted-printable costs one character per ASCII byte and three per other byte, base64 four per three bytes:
    /// the encoding that makes the text shorter wins, so Latin text stays readable and CJK text stays compact.
    /// </summary>
    public static TransferEncoding Choose(IEnumerable<ReadOnlyMemory<char>> pieces)
    {
        long ascii = 0;
        long other = 0;
        foreach (var piece in pieces)
        {
            var span = piece.Span;
            var nonAscii = span.Length - CountAscii(span);
            ascii += span.Length - nonAscii;
            other += nonAscii == 0 ? 0 : Utf8.GetByteCount(span) - (span.Length - nonAscii);
        }

        return ascii + 3 * other <= (ascii + other) * 4 / 3 ? TransferEncoding.QuotedPrintable : TransferEncoding.Base64;
    }

    public static string Name(TransferEncoding encoding) => encoding == TransferEncoding.Base64 ? "base64" : "quoted-printable";

    public static async ValueTask WriteAsync(
        MimeOutput output, IReadOnlyList<ReadOnlyMemory<char>> pieces, TransferEncoding encoding, CancellationToken cancellationToken)
    {
        ITransferEncoder encoder = encoding == TransferEncoding.Base64 ? new Base64LineEncoder(output) : new QuotedPrintableEncoder(output);
        var utf8 = Utf8.GetEncoder();
        var chars = new char[(CharsPerStep * 2) + 2];
        var bytes = new byte[Utf8.GetMaxByteCount(chars.Length)];
        var pendingCr = false;
        foreach (var piece in pieces)
        {
            for (var start = 0; start < piece.Length; start += CharsPerStep)
            {
                var step = piece.Span.Slice(start, Math.Min(CharsPerStep, piece.Length - start));
                var count = NormalizeLineBreaks(step, chars, ref pendingCr);
                var written = utf8.GetBytes(chars.AsSpan(0, count), bytes, flush: false);
                encoder.Write(bytes.AsSpan(0, written));
                await output.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var tail = 0;
        if (pendingCr)
        {
            chars[0] = '\r';
            chars[1] = '\n';
            tail = 2;
        }

        encoder.Write(bytes.AsSpan(0, utf8.GetBytes(chars.AsSpan(0, tail), bytes, flush: true)));
        encoder.Complete();
    }

    /// <summary>Copies <paramref name="text"/> with CR LF, bare CR and bare LF all made CR LF; a final CR waits.</summary>
    private static int NormalizeLineBreaks(ReadOnlySpan<char> text, Span<char> target, ref bool pendingCr)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (pendingCr)
            {
                pendingCr = false;
                target[count++] = '\r';
                target[count++] = '\n';
                if (c == '\n') continue;
            }

            if (c == '\r') pendingCr = true;
            else if (c == '\n')
            {
                target[count++] = '\r';
                target[count++] = '\n';
            }
            else target[count++] = c;
        }

        return count;
    }

    private static int CountAscii(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c < 128) count++;
        }

        return count;
    }
}
