using System.Globalization;
using System.Text;
using MimeKit;

namespace Eas.Load.Pim;

/// <summary>
/// Appointments for the calendar benchmark, the same for a given index on every run: a VCALENDAR with one VEVENT of an
/// hour in Europe/Berlin (a tzdb TZID the server maps to the phone's TimeZone blob), with location, description,
/// category, an attendee and a reminder; every <see cref="RecurringEvery"/>th one a weekly series of 20 with one
/// EXDATE. And the message that carries one in the IMAP Calendar folder (Subject = the UID, one <c>text/calendar</c> part).
/// </summary>
internal static class EventFactory
{
    public const int RecurringEvery = 10;

    private static readonly DateTime FirstDay = new(2026, 9, 1, 8, 0, 0, DateTimeKind.Unspecified);

    public static string Uid(int index) => string.Create(CultureInfo.InvariantCulture, $"bench-event-{index:D6}");

    public static string Ics(int index)
    {
        var start = FirstDay.AddDays(index / 6).AddHours(index % 6 * 1.5);
        var text = new StringBuilder()
            .Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//eas-load//bench//EN\r\nBEGIN:VEVENT\r\n")
            .Append("UID:").Append(Uid(index)).Append("\r\n")
            .Append("DTSTAMP:20260801T120000Z\r\n")
            .Append(CultureInfo.InvariantCulture, $"DTSTART;TZID=Europe/Berlin:{start:yyyyMMdd'T'HHmmss}\r\n")
            .Append(CultureInfo.InvariantCulture, $"DTEND;TZID=Europe/Berlin:{start.AddHours(1):yyyyMMdd'T'HHmmss}\r\n")
            .Append(CultureInfo.InvariantCulture, $"SUMMARY:Customer call {index}\r\n")
            .Append(CultureInfo.InvariantCulture, $"LOCATION:Room {index % 40 + 1}\r\n")
            .Append(CultureInfo.InvariantCulture, $"DESCRIPTION:Agenda for call {index}: figures\\, next steps\\, open questions.\r\n")
            .Append("CATEGORIES:Work\r\nCLASS:PUBLIC\r\nTRANSP:OPAQUE\r\n")
            .Append("ORGANIZER;CN=Bench:mailto:calendar@ox.io\r\n")
            .Append(CultureInfo.InvariantCulture, $"ATTENDEE;CN=Guest {index};PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT:mailto:guest{index}@example.com\r\n");
        if (index % RecurringEvery == 0)
        {
            text.Append("RRULE:FREQ=WEEKLY;COUNT=20\r\n")
                .Append(CultureInfo.InvariantCulture, $"EXDATE;TZID=Europe/Berlin:{start.AddDays(14):yyyyMMdd'T'HHmmss}\r\n");
        }

        return text.Append("BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n")
            .Append("END:VEVENT\r\nEND:VCALENDAR\r\n").ToString();
    }

    /// <summary>The IMAP message for appointment <paramref name="index"/> of <paramref name="account"/>.</summary>
    public static MimeMessage Message(string account, int index)
    {
        var message = new MimeMessage { Subject = Uid(index), Date = DateTimeOffset.UtcNow };
        message.From.Add(new MailboxAddress(account, account));
        message.To.Add(new MailboxAddress(account, account));
        var part = new TextPart("calendar");
        part.SetText(Encoding.UTF8, Ics(index));
        part.ContentTransferEncoding = part.GetBestEncoding(EncodingConstraint.SevenBit);
        message.Body = part;
        return message;
    }
}
