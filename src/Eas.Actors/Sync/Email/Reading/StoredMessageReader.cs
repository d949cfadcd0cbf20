using MimeKit;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// Reads one stored message into the encoder's <see cref="EmailItem"/> with MimeKit: the envelope, the plain
/// and HTML bodies cut to what the phone asked for (their full sizes kept), the attachments with their IMAP part
/// specifiers, and the raw MIME for phones that take it. Broken mail is synced item by item: whatever MimeKit
/// can read of a malformed message is returned, and a message it cannot read at all (an empty buffer) still
/// appears, with its IMAP flags and date and no body, so one bad message never fails a Sync.
/// </summary>
public static class StoredMessageReader
{
    /// <summary>
    /// Reads the message. The raw MIME for a phone that takes it (<see cref="EmailMime"/>: Sync's Type 4 body,
    /// ItemOperations' whole message, 2.5's email:MIMEData) goes out as a WBXML string in a UTF-8 document
    /// (MS-ASAIRS 2.2.2.20.1, MS-ASEMAIL 2.2.2.50), so it is decided here, the one place all three come from: a stored
    /// message that is well-formed UTF-8 (7-bit, or 8-bit UTF-8) is the MIME byte for byte, checked by one streaming
    /// pass over the buffer (<see cref="Eas.Wire.Wbxml.Utf8Validator"/>) and parsed no further; one that is not (raw
    /// 8-bit bytes in another charset) is replaced by its 7-bit form (<see cref="SevenBitMime"/>), written to a buffer
    /// of its own (memory or a temporary file, as the fetch's). Sizes (MIMESize, EstimatedDataSize) and truncation
    /// (TruncationSize, MIMETruncation) then apply to that form.
    /// </summary>
    /// <param name="buffer">
    /// The whole message, seekable; read from position 0. With
    /// <see cref="Mailboxes.EmailContentRequest.MimePrefixBytes"/> and MIME wanted, the item's
    /// <see cref="EmailMime.Source"/> takes it over (or, re-encoded, its 7-bit form does and the buffer is disposed here),
    /// and the caller no longer disposes it; otherwise it is left open.
    /// </param>
    /// <param name="flags">The message's IMAP flags.</param>
    /// <param name="received">The message's INTERNALDATE.</param>
    /// <param name="content">What of the message the phone asked for.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<EmailItem> ReadAsync(Stream buffer, IReadOnlyList<string> flags, DateTimeOffset received, Mailboxes.EmailContentRequest content, CancellationToken cancellationToken)
    {
        EmailItem? item = null;
        try
        {
            var stored = await StoredMessage.LoadAsync(buffer, cancellationToken).ConfigureAwait(false);
            item = EnvelopeFields.Read(stored.Message, received);
            item = await WithContentAsync(stored, item, content.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            item = EmailMeetings.WithMeeting(item, await CalendarPart.ReadAsync(stored, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            // What was read before MimeKit gave up stays in the item.
        }

        item ??= new EmailItem { DateReceived = received.UtcDateTime, Subject = string.Empty };

        var mime = content.WantMime ? await MimeAsync(buffer, content, cancellationToken).ConfigureAwait(false) : null;
        return EmailImapFlags.Apply(mime is null ? item : item with { Mime = mime }, flags);
    }

    /// <summary>
    /// The MIME of the message in <paramref name="buffer"/> as it goes out (<see cref="StringFormAsync"/>): its first
    /// bytes, and with <see cref="Mailboxes.EmailContentRequest.MimePrefixBytes"/> the whole of it as its source, which
    /// takes over the buffer it is in; the stored message's buffer is then disposed here when that is another one.
    /// </summary>
    private static async Task<EmailMime> MimeAsync(Stream buffer, Mailboxes.EmailContentRequest content, CancellationToken cancellationToken)
    {
        var form = await StringFormAsync(buffer, cancellationToken).ConfigureAwait(false);
        var handedOver = false;
        try
        {
            var prefix = content.MimePrefixBytes ?? content.MaxBodyBytes ?? form.Length;
            var mime = await EmailMime.ReadAsync(form, form.Length, prefix, cancellationToken).ConfigureAwait(false);
            if (content.MimePrefixBytes is null) return mime;
            form.Position = 0;
            mime = mime with { Source = new Wire.Wbxml.BinaryContent(form) };
            handedOver = true;
            if (form != buffer) await buffer.DisposeAsync().ConfigureAwait(false);
            return mime;
        }
        finally
        {
            if (!handedOver && form != buffer) await form.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The buffer whose bytes are the message's MIME as a string, positioned at 0: <paramref name="buffer"/> when it is
    /// well-formed UTF-8, else a new buffer with its 7-bit form (<see cref="SevenBitMime"/>), which the caller disposes.
    /// A message MimeKit cannot write again stays as it is.
    /// </summary>
    private static async Task<Stream> StringFormAsync(Stream buffer, CancellationToken cancellationToken)
    {
        buffer.Position = 0;
        var valid = await Wire.Wbxml.Utf8Validator.IsValidAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        if (valid) return buffer;

        // Quoted-printable and base64 grow what they encode; the estimate only picks memory or a temporary file.
        var sevenBit = Mailboxes.Imap.EmailReader.CreateBuffer(buffer.Length + buffer.Length / 2);
        try
        {
            await SevenBitMime.WriteAsync(buffer, sevenBit, cancellationToken).ConfigureAwait(false);
            sevenBit.Position = 0;
            buffer.Position = 0;
            return sevenBit;
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            await sevenBit.DisposeAsync().ConfigureAwait(false);
            buffer.Position = 0;
            return buffer;
        }
        catch
        {
            await sevenBit.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The bodies (UTF-8 bytes up to <paramref name="maxBodyBytes"/>) and the attachments.</summary>
    private static async Task<EmailItem> WithContentAsync(StoredMessage stored, EmailItem item, long? maxBodyBytes, CancellationToken cancellationToken)
    {
        if (stored.Message.Body is not { } body) return item;
        var plainParts = BodySelector.Select(body, html: false);
        var htmlParts = BodySelector.Select(body, html: true);
        // A message without any HTML part has no HTML body: its text parts are then never needed as HTML.
        var hasHtml = htmlParts.Exists(BodySelector.IsHtml);
        var used = new HashSet<MimeEntity>(plainParts.Concat(htmlParts), ReferenceEqualityComparer.Instance);
        var decoded = new Dictionary<MimeEntity, DecodedBody>(ReferenceEqualityComparer.Instance);
        try
        {
            foreach (var part in used)
            {
                var views = (plainParts.Contains(part) ? BodyViews.Plain : BodyViews.None)
                    | (hasHtml && htmlParts.Contains(part) ? BodyViews.Html : BodyViews.None);
                decoded[part] = await DecodedBody.DecodeAsync(part, maxBodyBytes, views, cancellationToken).ConfigureAwait(false);
            }

            return item with
            {
                PlainText = BodySelector.Combine(Decoded(plainParts, decoded), html: false, maxBodyBytes),
                Html = hasHtml ? BodySelector.Combine(Decoded(htmlParts, decoded), html: true, maxBodyBytes) : null,
                Attachments = AttachmentList.Of(stored, used),
            };
        }
        finally
        {
            foreach (var view in decoded.Values) view.Dispose();
        }
    }

    private static DecodedBody[] Decoded(List<MimeEntity> parts, Dictionary<MimeEntity, DecodedBody> decoded)
    {
        var bodies = new DecodedBody[parts.Count];
        for (var i = 0; i < bodies.Length; i++) bodies[i] = decoded[parts[i]];
        return bodies;
    }

    /// <summary>Malformed input MimeKit gave up on; cancellation and I/O failures of the buffer are not.</summary>
    private static bool IsUnreadable(Exception exception) =>
        exception is not (OperationCanceledException or IOException or OutOfMemoryException);
}
