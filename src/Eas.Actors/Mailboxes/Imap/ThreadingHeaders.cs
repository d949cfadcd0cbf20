using Eas.Actors.Sync.Email;
using MimeKit;
using MimeKit.Utils;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// The header fields conversations are matched on (RFC 5322 3.6.4 Message-ID, In-Reply-To, References, and From,
/// Date, Subject for display), and their mapping from MimeKit's <see cref="HeaderList"/> to an <see cref="EmailItem"/>
/// holding only them. Ids are kept without their angle brackets, as the MIME reader gives them.
/// </summary>
internal static class ThreadingHeaders
{
    public static readonly string[] Names = ["Message-ID", "In-Reply-To", "References", "From", "Date", "Subject"];

    public static EmailItem ToItem(HeaderList? headers, DateTimeOffset received)
    {
        headers ??= [];
        var inReplyTo = Ids(headers[HeaderId.InReplyTo]);
        return new EmailItem
        {
            Subject = headers[HeaderId.Subject],
            From = [.. Mailboxes(headers[HeaderId.From])],
            DateReceived = received.UtcDateTime,
            DateSent = DateUtils.TryParse(headers[HeaderId.Date] ?? string.Empty, out var sent) ? sent.UtcDateTime : null,
            MessageId = Ids(headers[HeaderId.MessageId]).FirstOrDefault(),
            InReplyTo = inReplyTo.FirstOrDefault(),
            References = [.. headers.Where(h => h.Id == HeaderId.References).SelectMany(h => Ids(h.Value))],
        };
    }

    private static List<string> Ids(string? value) => string.IsNullOrWhiteSpace(value) ? [] : [.. MimeUtils.EnumerateReferences(value)];

    private static IEnumerable<EmailAddress> Mailboxes(string? value) =>
        value is not null && InternetAddressList.TryParse(value, out var list)
            ? list.Mailboxes.Select(m => new EmailAddress(string.IsNullOrEmpty(m.Name) ? null : m.Name, m.Address))
            : [];
}
