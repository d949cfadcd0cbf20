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
    /// <param name="buffer">
    /// The whole message, seekable; read from position 0 and left open. With
    /// <see cref="Mailboxes.EmailContentRequest.MimePrefixBytes"/> and MIME wanted, the item's
    /// <see cref="EmailMime.Source"/> takes it over, and the caller no longer disposes it.
    /// </param>
    /// <param name="flags">The message's IMAP flags.</param>
    /// <param name="received">The message's INTERNALDATE.</param>
    /// <param name="content">What of the message the phone asked for.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<EmailItem> ReadAsync(Stream buffer, IReadOnlyList<string> flags, DateTimeOffset received, Mailboxes.EmailContentRequest content, CancellationToken cancellationToken)
    {
        EmailMime? mime = null;
        if (content.WantMime)
        {
            buffer.Position = 0;
            var prefix = content.MimePrefixBytes ?? content.MaxBodyBytes ?? buffer.Length;
            mime = await EmailMime.ReadAsync(buffer, buffer.Length, prefix, cancellationToken).ConfigureAwait(false);
        }

        var item = new EmailItem { DateReceived = received.UtcDateTime, Subject = string.Empty };
        try
        {
            var stored = await StoredMessage.LoadAsync(buffer, cancellationToken).ConfigureAwait(false);
            item = EnvelopeFields.Read(stored.Message, received);
            item = await WithContentAsync(stored, item, content.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            // What was read before MimeKit gave up stays in the item.
        }

        if (mime is not null && content.MimePrefixBytes is not null)
        {
            buffer.Position = 0;
            mime = mime with { Source = new Wire.Wbxml.BinaryContent(buffer) };
        }

        return EmailImapFlags.Apply(item with { Mime = mime }, flags);
    }

    /// <summary>The bodies (UTF-8 bytes up to <paramref name="maxBodyBytes"/>) and the attachments.</summary>
    private static async Task<EmailItem> WithContentAsync(StoredMessage stored, EmailItem item, long? maxBodyBytes, CancellationToken cancellationToken)
    {
        if (stored.Message.Body is not { } body) return item;
        var plainParts = BodySelector.Select(body, html: false);
        var htmlParts = BodySelector.Select(body, html: true);
        var decoded = new Dictionary<MimeEntity, DecodedBody>(ReferenceEqualityComparer.Instance);
        foreach (var part in plainParts.Concat(htmlParts))
        {
            if (!decoded.ContainsKey(part)) decoded[part] = await DecodedBody.DecodeAsync(part, maxBodyBytes, cancellationToken).ConfigureAwait(false);
        }

        var used = new HashSet<MimeEntity>(decoded.Keys, ReferenceEqualityComparer.Instance);
        return item with
        {
            PlainText = BodySelector.Combine([.. plainParts.Select(p => decoded[p])], html: false, maxBodyBytes),
            Html = htmlParts.Exists(BodySelector.IsHtml) ? BodySelector.Combine([.. htmlParts.Select(p => decoded[p])], html: true, maxBodyBytes) : null,
            Attachments = AttachmentList.Of(stored, used),
        };
    }

    /// <summary>Malformed input MimeKit gave up on; cancellation and I/O failures of the buffer are not.</summary>
    private static bool IsUnreadable(Exception exception) =>
        exception is not (OperationCanceledException or IOException or OutOfMemoryException);
}
