using System.Collections.Immutable;
using MimeKit;
using MimeKit.Utils;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// The header fields an EAS email item carries (MS-ASEMAIL 2.2.2), read from a MimeKit message: addresses
/// (RFC 5322 sections 3.6.2 and 3.6.3; group members listed one by one), the decoded Subject and Thread-Topic
/// (RFC 2047), Date (section 3.6.1), Message-ID, In-Reply-To and References (section 3.6.4, every References
/// field joined), the importance and the message class. A field that cannot be parsed is empty or null,
/// never an error.
/// </summary>
public static class EnvelopeFields
{
    /// <summary>Most message ids kept from References: a thread rarely has more, and a hostile header could hold millions.</summary>
    public const int MaxReferences = 1_000;

    /// <summary>An item with the envelope fields of <paramref name="message"/> filled.</summary>
    public static EmailItem Read(MimeMessage message, DateTimeOffset received)
    {
        var from = Addresses(message.From);
        var sender = message.Sender is { } mailbox ? Address(mailbox) : null;
        return new EmailItem
        {
            Subject = message.Subject,
            From = from,
            To = Addresses(message.To),
            Cc = Addresses(message.Cc),
            ReplyTo = Addresses(message.ReplyTo),
            Sender = sender is not null && !(from.Length > 0 && string.Equals(from[0].Address, sender.Address, StringComparison.OrdinalIgnoreCase)) ? sender : null,
            DateReceived = received.UtcDateTime,
            DateSent = DateOf(message),
            Importance = ImportanceOf(message.Headers),
            MessageClass = MessageClassOf(message.Body),
            MessageId = MessageIdOf(message),
            InReplyTo = FirstId(message.Headers[HeaderId.InReplyTo]),
            References = ReferencesOf(message.Headers),
            ThreadTopic = message.Headers["Thread-Topic"],
        };
    }

    /// <summary>
    /// Importance (high, normal, low; from RFC 2156, registered by RFC 4021) first, then the de-facto X-Priority
    /// (1-2 high, 4-5 low), X-MSMail-Priority, and Priority (urgent, normal, non-urgent; RFC 2156 as well).
    /// </summary>
    public static EmailImportance ImportanceOf(HeaderList headers)
    {
        if (FirstWord(headers, "Importance") is { } importance)
        {
            if (importance.StartsWith("high", StringComparison.OrdinalIgnoreCase)) return EmailImportance.High;
            if (importance.StartsWith("low", StringComparison.OrdinalIgnoreCase)) return EmailImportance.Low;
            if (importance.StartsWith("normal", StringComparison.OrdinalIgnoreCase)) return EmailImportance.Normal;
        }

        if (FirstWord(headers, "X-Priority") is { Length: > 0 } priority && char.IsAsciiDigit(priority[0]))
            return priority[0] switch { '1' or '2' => EmailImportance.High, '4' or '5' => EmailImportance.Low, _ => EmailImportance.Normal };
        return (FirstWord(headers, "X-MSMail-Priority") ?? FirstWord(headers, "Priority"))?.ToLowerInvariant() switch
        {
            "high" or "urgent" => EmailImportance.High,
            "low" or "non-urgent" => EmailImportance.Low,
            _ => EmailImportance.Normal,
        };
    }

    /// <summary>S/MIME messages get the classes MS-ASEMAIL 2.2.2.47 names, so phones that can verify or decrypt them ask for MIME.</summary>
    public static string MessageClassOf(MimeEntity? body)
    {
        if (body is null) return EmailMessageClass.Note;
        var type = body.ContentType;
        if (type.IsMimeType("multipart", "signed")) return EmailMessageClass.SmimeMultipartSigned;
        if (type.MediaSubtype.Contains("pkcs7-mime", StringComparison.OrdinalIgnoreCase)) return EmailMessageClass.Smime;
        return EmailMessageClass.Note;
    }

    private static DateTime? DateOf(MimeMessage message) =>
        message.Headers[HeaderId.Date] is { } value && DateUtils.TryParse(value, out var date) ? date.UtcDateTime : null;

    private static string? MessageIdOf(MimeMessage message) => FirstId(message.Headers[HeaderId.MessageId]);

    /// <summary>The first msg-id of a field without its angle brackets; a value without brackets is taken as it is, trimmed.</summary>
    private static string? FirstId(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        foreach (var id in MimeUtils.EnumerateReferences(value)) return id;
        return MimeUtils.ParseMessageId(value) is { Length: > 0 } parsed ? parsed : NullIfBlank(value.Trim().Trim('<', '>'));
    }

    private static ImmutableArray<string> ReferencesOf(HeaderList headers)
    {
        ImmutableArray<string>.Builder? ids = null;
        foreach (var header in headers)
        {
            if (header.Id != HeaderId.References) continue;
            ids ??= ImmutableArray.CreateBuilder<string>();
            ids.AddRange(MimeUtils.EnumerateReferences(header.Value).Take(MaxReferences - ids.Count));
        }

        return ids?.ToImmutable() ?? [];
    }

    private static string? FirstWord(HeaderList headers, string name) =>
        headers[name]?.Split([' ', '\t', '(', ';'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    private static ImmutableArray<EmailAddress> Addresses(InternetAddressList list) => list.Count == 0 ? [] : [.. list.Mailboxes.Select(Address)];

    private static EmailAddress Address(MailboxAddress mailbox) => new(NullIfBlank(mailbox.Name), mailbox.Address ?? string.Empty);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
