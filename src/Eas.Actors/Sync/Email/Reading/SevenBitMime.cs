using System.Text;
using System.Text.Unicode;
using MimeKit;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// Re-encodes a stored message whose raw bytes are not UTF-8 into an equivalent 7-bit message, so it can be a WBXML
/// string (MS-ASAIRS 2.2.2.20.1: airsyncbase:Data is a string; MS-ASEMAIL 2.2.2.50: so is email:MIMEData; the
/// document's charset is UTF-8). Only what carries 8-bit bytes changes: a leaf part declared 7bit, 8bit or binary
/// (or not declared) whose content holds 8-bit bytes gets quoted-printable or base64, as MimeKit judges best
/// (RFC 2045 section 6); a header field whose raw value is not UTF-8 is written again as RFC 2047 encoded words,
/// decoded first the way the reader decodes it (<see cref="StoredMessageParserOptions"/>: not UTF-8, so ISO-8859-1);
/// a part declared quoted-printable or base64 that still holds raw 8-bit bytes is decoded and encoded the other way;
/// a multipart preamble or epilogue with such bytes is written in UTF-8. Everything else keeps its bytes.
/// </summary>
/// <remarks>
/// Unlike <see cref="MimeMessage.Prepare(EncodingConstraint, int)"/>, this also re-encodes the content of a multipart/signed (RFC 1847), which
/// breaks its signature: a phone that checks it reports the message as not verifiable. The alternative, sending the
/// signed bytes as they are, puts a string that is not UTF-8 in the response, and a strict WBXML reader then refuses
/// the whole response: every other item of that Sync with it, again on every retry, for as long as the message is in
/// the window. One message from anyone could stall a folder that way, so the body is made readable and the signature
/// gives way. Signed content is to be 7-bit anyway (RFC 3156 section 3, RFC 8551 section 3.1.2), so a signature over
/// 8-bit bytes in another charset was already at the mercy of every relay.
/// </remarks>
public static class SevenBitMime
{
    /// <summary>RFC 5322 section 2.1.1: a line is at most 998 characters; a 7-bit part within it keeps its encoding.</summary>
    private const int MaxLineLength = 998;

    /// <summary>
    /// Parses <paramref name="message"/> from position 0 and writes its 7-bit form to <paramref name="destination"/>
    /// with CRLF line ends. The source must stay open until this returns.
    /// </summary>
    public static async Task WriteAsync(Stream message, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(destination);
        message.Position = 0;
        var parser = new MimeParser(StoredMessageParserOptions.Create(), message, persistent: message.CanSeek);
        using var parsed = await parser.ParseMessageAsync(cancellationToken).ConfigureAwait(false);
        Reencode(parsed, cancellationToken);
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        await parsed.WriteToAsync(options, destination, cancellationToken).ConfigureAwait(false);
    }

    private static void Reencode(MimeMessage message, CancellationToken cancellationToken)
    {
        EncodeHeaders(message.Headers);
        if (message.Body is { } body) Reencode(body, cancellationToken);
    }

    private static void Reencode(MimeEntity entity, CancellationToken cancellationToken)
    {
        EncodeHeaders(entity.Headers);
        switch (entity)
        {
            case Multipart multipart:
                if (multipart.Preamble is { } preamble && !Ascii.IsValid(preamble)) multipart.Preamble = preamble;
                if (multipart.Epilogue is { } epilogue && !Ascii.IsValid(epilogue)) multipart.Epilogue = epilogue;
                foreach (var child in multipart) Reencode(child, cancellationToken);
                break;
            case MessagePart { Message: { } inner } attached:
                Reencode(inner, cancellationToken);
                if (attached.Headers[HeaderId.ContentTransferEncoding] is { Length: > 0 })
                    attached.Headers[HeaderId.ContentTransferEncoding] = "7bit";
                break;
            case MimePart { Content: not null, ContentTransferEncoding: ContentEncoding.Default or ContentEncoding.SevenBit or ContentEncoding.EightBit or ContentEncoding.Binary } part:
                var best = part.GetBestEncoding(EncodingConstraint.SevenBit, MaxLineLength, cancellationToken);
                if (best != ContentEncoding.SevenBit) part.ContentTransferEncoding = best;
                break;
            case MimePart { Content.Stream: { } encoded } part when HasEightBit(encoded):
                // Raw 8-bit bytes inside a declared encoding (a broken mailer's quoted-printable): MimeKit writes the
                // stored encoding as it is, so another one is chosen, which makes it decode and encode again.
                part.ContentTransferEncoding = part.ContentTransferEncoding == ContentEncoding.Base64 ? ContentEncoding.QuotedPrintable : ContentEncoding.Base64;
                break;
        }
    }

    /// <summary>Whether the encoded content holds a byte outside ASCII; the stream is left at its start.</summary>
    private static bool HasEightBit(Stream encoded)
    {
        Span<byte> chunk = stackalloc byte[4096];
        encoded.Position = 0;
        try
        {
            int read;
            while ((read = encoded.Read(chunk)) > 0)
            {
                if (!Ascii.IsValid(chunk[..read])) return true;
            }

            return false;
        }
        finally
        {
            encoded.Position = 0;
        }
    }

    /// <summary>Writes again, as RFC 2047 encoded words, each header field whose raw value is not UTF-8.</summary>
    private static void EncodeHeaders(HeaderList headers)
    {
        foreach (var header in headers.ToList())
        {
            if (!Utf8.IsValid(header.RawValue)) header.SetValue(Encoding.UTF8, header.Value);
        }
    }
}
