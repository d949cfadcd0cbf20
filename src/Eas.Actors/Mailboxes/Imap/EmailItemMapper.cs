using System.Collections.Immutable;
using Eas.Actors.Sync.Email;
using Eas.Mail.Mime;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>Turns what the MIME reader found in a message, and its IMAP flags and date, into the encoder's <see cref="EmailItem"/>.</summary>
internal static class EmailItemMapper
{
    public static EmailItem From(MessageSummary summary, IReadOnlyList<string> flags, DateTimeOffset received, EmailMime? mime)
    {
        var envelope = summary.Envelope;
        var item = new EmailItem
        {
            Subject = envelope.Subject,
            From = Addresses(envelope.From),
            To = Addresses(envelope.To),
            Cc = Addresses(envelope.Cc),
            ReplyTo = Addresses(envelope.ReplyTo),
            Sender = envelope.Sender.Count > 0 && !SameAs(envelope.Sender, envelope.From) ? Address(envelope.Sender[0]) : null,
            DateReceived = received.UtcDateTime,
            DateSent = envelope.Date?.UtcDateTime,
            Importance = (EmailImportance)(int)envelope.Importance,
            MessageClass = MessageClassOf(summary.Structure.Body),
            MessageId = envelope.MessageId,
            InReplyTo = envelope.InReplyTo.Count > 0 ? envelope.InReplyTo[0] : null,
            References = [.. envelope.References],
            ThreadTopic = envelope.ThreadTopic,
            PlainText = summary.PlainText is { } text ? new EmailBodyText(text.Text, text.FullSize) : null,
            Html = summary.Html is { } html ? new EmailBodyText(html.Text, html.FullSize) : null,
            Mime = mime,
            Attachments = [.. summary.Attachments.Select(Attachment)],
        };
        return EmailImapFlags.Apply(item, flags);
    }

    /// <summary>An item for a message the MIME reader could not take apart: its envelope data from IMAP, no body.</summary>
    public static EmailItem Unreadable(IReadOnlyList<string> flags, DateTimeOffset received) =>
        EmailImapFlags.Apply(new EmailItem { DateReceived = received.UtcDateTime, Subject = string.Empty }, flags);

    /// <summary>The attachment's part number stands in the FileReference until the caller qualifies it with folder and UID.</summary>
    private static EmailAttachment Attachment(AttachmentInfo info) =>
        new(info.FileName ?? $"attachment-{info.PartSpecifier}", info.ContentType, info.EstimatedDecodedSize, info.PartSpecifier)
        {
            ContentId = info.ContentId,
            ContentLocation = info.ContentLocation,
            IsInline = info.IsInline,
        };

    /// <summary>S/MIME messages get the classes MS-ASEMAIL 2.2.2.47 names, so phones that can verify or decrypt them ask for MIME.</summary>
    private static string MessageClassOf(MimePart root)
    {
        var type = root.ContentType;
        if (type.MediaType.Equals("multipart", StringComparison.OrdinalIgnoreCase) && type.MediaSubtype.Equals("signed", StringComparison.OrdinalIgnoreCase))
            return EmailMessageClass.SmimeMultipartSigned;
        if (type.MediaSubtype.Contains("pkcs7-mime", StringComparison.OrdinalIgnoreCase))
            return EmailMessageClass.Smime;
        return EmailMessageClass.Note;
    }

    private static ImmutableArray<EmailAddress> Addresses(IReadOnlyList<MailAddress> addresses) => [.. addresses.Select(Address)];

    private static EmailAddress Address(MailAddress address) => new(string.IsNullOrEmpty(address.Name) ? null : address.Name, address.Address);

    private static bool SameAs(IReadOnlyList<MailAddress> a, IReadOnlyList<MailAddress> b) =>
        b.Count > 0 && string.Equals(a[0].Address, b[0].Address, StringComparison.OrdinalIgnoreCase);
}
