using System.Text;
using MimeKit;

namespace Eas.Actors.Sync.Meetings;

/// <summary>
/// An iTIP object as iMIP mail (RFC 6047): a multipart/alternative of a short text/plain note and the
/// text/calendar part whose <c>method</c> parameter repeats the object's METHOD (2.4), UTF-8 (2.2); From is the
/// sending account (2.2.1: the sender is the attendee or organizer the object speaks for).
/// </summary>
public static class ItipMail
{
    public static MimeMessage Compose(string from, IEnumerable<string> to, string subject, string note, string calendar, string method)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var address in to) message.To.Add(MailboxAddress.Parse(address));
        message.Subject = subject;
        message.Date = DateTimeOffset.UtcNow;
        var text = new TextPart("plain") { Text = note };
        text.ContentType.Charset = "utf-8";
        var ics = new TextPart("calendar")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(calendar))),
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
        };
        ics.ContentType.Charset = "utf-8";
        ics.ContentType.Parameters.Add("method", method);
        message.Body = new MultipartAlternative { text, ics };
        return message;
    }
}
