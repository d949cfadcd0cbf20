using System.Text;
using MimeKit;
using MimeKit.IO;

namespace Eas.Actors.Sending.Compose;

/// <summary>
/// Builds the message a SmartReply (MS-ASCMD 2.2.1.20) or SmartForward (2.2.1.19) sends: the phone sends only its
/// new message and names the original, and the server adds the original from its own copy, which saves the phone
/// downloading and uploading it.
/// <list type="bullet">
/// <item>With ReplaceMime (2.2.3.148) the phone's message already is the whole message; only the threading fields
/// are added (<see cref="ThreadingFields"/>; a field the phone wrote itself is kept).</item>
/// <item>Without it the original's text is appended below the phone's (<see cref="OriginalQuote"/>,
/// <see cref="BodyQuoting"/>), and a forward also carries the original's attachments
/// (<see cref="ForwardedAttachments"/>). With anything to attach the result is multipart/mixed { the phone's body
/// with the original appended, the phone's own attachments, the original's attachments }; without, it keeps the
/// phone's structure.</item>
/// <item>An original that cannot be quoted (MimeKit cannot read it, or its text is longer than
/// <see cref="MaxQuotedTextChars"/>) is attached whole as message/rfc822 instead, so composing never fails because
/// of the original.</item>
/// </list>
/// The original's parts stay in its file (MimeKit's persistent mode): the file and the original must stay open until
/// the message has been written.
/// </summary>
public static class SmartComposer
{
    /// <summary>Most characters of the original's text (and of its HTML) that are quoted inline: 4 Mi.</summary>
    public const int MaxQuotedTextChars = 4 * 1024 * 1024;

    /// <param name="phone">The phone's message, changed in place.</param>
    /// <param name="original">The original as MimeKit read it from <paramref name="file"/>, or null when it could not.</param>
    /// <param name="file">The original's bytes, seekable.</param>
    /// <param name="forward">SmartForward (else SmartReply).</param>
    /// <param name="replaceMime">The request's ReplaceMime.</param>
    /// <param name="cancellationToken">Cancels reading the original's file.</param>
    public static async Task ComposeAsync(PhoneMessage phone, MimeMessage? original, Stream file, bool forward, bool replaceMime, CancellationToken cancellationToken)
    {
        var message = phone.Message;
        if (original is not null) ThreadingFields.Apply(message, original.Headers, reply: !forward);
        if (replaceMime) return;

        var quote = original is null ? null : OriginalQuote.Create(original, MaxQuotedTextChars);
        var extras = new List<MimeEntity>();
        if (quote is not null)
        {
            if (forward) extras.AddRange(ForwardedAttachments.Select(original!, message));
            if (message.Body is null || !BodyQuoting.Append(message.Body, quote)) extras.Insert(0, QuoteOnly(quote));
            if (extras.Count == 0) return;
        }
        else
        {
            extras.Add(await WholeAsync(file, original?.Subject, cancellationToken));
        }

        // The phone's own multipart/mixed is merged into the new one, so its attachments sit beside the original's.
        var mixed = new Multipart("mixed");
        List<MimeEntity> own = message.Body is Multipart { ContentType.MediaSubtype: var subtype } phoneMixed
            && subtype.Equals("mixed", StringComparison.OrdinalIgnoreCase) ? [.. phoneMixed] : message.Body is { } body ? [body] : [];
        foreach (var part in own.Concat(extras)) mixed.Add(part);
        message.Body = mixed;
    }

    private static TextPart QuoteOnly(OriginalQuote quote)
    {
        var part = new TextPart("plain");
        part.SetText("utf-8", quote.AppendToPlain(string.Empty));
        part.ContentTransferEncoding = part.GetBestEncoding(EncodingConstraint.SevenBit);
        return part;
    }

    /// <summary>
    /// A message/rfc822 part (RFC 2046 section 5.2.1) holding the whole original byte for byte, as an attachment
    /// named after its subject. Its transfer encoding may only be 7bit, 8bit or binary, so it says 8bit when a byte is.
    /// </summary>
    private static async Task<MimePart> WholeAsync(Stream file, string? subject, CancellationToken cancellationToken)
    {
        var eightBit = await HasEightBitAsync(file, cancellationToken);
        var title = subject is { Length: > 0 } ? subject : "message";
        var name = new string(title.Take(60).Select(c => char.IsControl(c) || c is '/' or '\\' ? '_' : c).ToArray()).Trim() + ".eml";
        var encoding = eightBit ? ContentEncoding.EightBit : ContentEncoding.SevenBit;
        return new MimePart("message", "rfc822")
        {
            Content = new MimeContent(new BoundStream(file, 0, file.Length, leaveOpen: true), encoding),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = name },
            ContentTransferEncoding = encoding,
        };
    }

    private static async Task<bool> HasEightBitAsync(Stream file, CancellationToken cancellationToken)
    {
        file.Position = 0;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (!Ascii.IsValid(buffer.AsSpan(0, read))) return true;
        }

        return false;
    }
}
