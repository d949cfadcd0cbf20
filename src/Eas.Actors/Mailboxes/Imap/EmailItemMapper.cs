using System.Collections.Immutable;
using Eas.Actors.Sync.Email;
using Eas.Mail.Mime;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>Turns a message's threading headers, as the old MIME reader parsed them, into an <see cref="EmailItem"/> for matching conversations.</summary>
internal static class EmailItemMapper
{
    /// <summary>An item holding only what the threading headers say, for matching conversations.</summary>
    public static EmailItem FromHeaders(ReadOnlyMemory<byte> headerBytes, DateTimeOffset received)
    {
        var envelope = MessageEnvelope.FromHeaders(HeaderList.Parse(headerBytes.Span));
        return new EmailItem
        {
            Subject = envelope.Subject,
            From = Addresses(envelope.From),
            DateReceived = received.UtcDateTime,
            DateSent = envelope.Date?.UtcDateTime,
            MessageId = envelope.MessageId,
            InReplyTo = envelope.InReplyTo.Count > 0 ? envelope.InReplyTo[0] : null,
            References = [.. envelope.References],
        };
    }

    private static ImmutableArray<EmailAddress> Addresses(IReadOnlyList<MailAddress> addresses) => [.. addresses.Select(Address)];

    private static EmailAddress Address(MailAddress address) => new(string.IsNullOrEmpty(address.Name) ? null : address.Name, address.Address);

}
