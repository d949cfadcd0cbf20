using System.Globalization;
using System.Text;
using MimeKit;

namespace Eas.Load.Pim;

/// <summary>
/// Realistic contacts for the PIM benchmarks, the same for a given index on every run: a vCard 4.0 (RFC 6350) with
/// name parts, two phones, two emails, a postal address, a company and a note, and every <see cref="PhotoEvery"/>th
/// one a small JPEG photo as a data URI (RFC 6350 6.2.4); and the message that carries one in an IMAP contacts
/// folder, in the format the server's IMAP-folder store documents (Subject = the UID, <c>X-Eas-Pim: contact</c>, one
/// <c>text/vcard</c> part).
/// </summary>
internal static class ContactFactory
{
    public const int PhotoEvery = 10;

    /// <summary>Bytes of the photo some contacts carry (a JPEG header, then filler; what a phone shows is not measured).</summary>
    public const int PhotoBytes = 3 * 1024;

    private static readonly string[] Given = ["Anna", "Ben", "Carla", "David", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Katja", "Luca"];
    private static readonly string[] Family = ["Schmidt", "Meyer", "Okafor", "Rossi", "Nakamura", "Dubois", "Kowalski", "Jensen", "Silva", "Novak"];
    private static readonly string Photo = Convert.ToBase64String(PhotoData());

    public static string Uid(int index) => string.Create(CultureInfo.InvariantCulture, $"bench-contact-{index:D6}");

    public static string Vcard(int index)
    {
        var given = Given[index % Given.Length];
        var family = Family[index / Given.Length % Family.Length] + (index / (Given.Length * Family.Length) is var n and > 0 ? n.ToString(CultureInfo.InvariantCulture) : "");
        var vcard = new StringBuilder()
            .Append("BEGIN:VCARD\r\nVERSION:4.0\r\n")
            .Append("UID:").Append(Uid(index)).Append("\r\n")
            .Append("FN:").Append(given).Append(' ').Append(family).Append("\r\n")
            .Append("N:").Append(family).Append(';').Append(given).Append(";;;\r\n")
            .Append(CultureInfo.InvariantCulture, $"TEL;TYPE=work,voice;VALUE=uri:tel:+49-30-{index:D7}\r\n")
            .Append(CultureInfo.InvariantCulture, $"TEL;TYPE=cell;VALUE=uri:tel:+49-170-{index:D7}\r\n")
            .Append(CultureInfo.InvariantCulture, $"EMAIL;TYPE=work:{given.ToLowerInvariant()}.{family.ToLowerInvariant()}@example.com\r\n")
            .Append(CultureInfo.InvariantCulture, $"EMAIL;TYPE=home:{given.ToLowerInvariant()}{index}@mail.example.net\r\n")
            .Append(CultureInfo.InvariantCulture, $"ADR;TYPE=work:;;Hauptstrasse {index % 200 + 1};Berlin;;10115;Germany\r\n")
            .Append("ORG:Example GmbH;Sales\r\nTITLE:Account manager\r\n")
            .Append(CultureInfo.InvariantCulture, $"NOTE:Met at the trade fair, contact {index}.\r\n");
        if (index % PhotoEvery == 0) vcard.Append("PHOTO:data:image/jpeg;base64,").Append(Photo).Append("\r\n");
        return vcard.Append("END:VCARD\r\n").ToString();
    }

    /// <summary>The IMAP message for contact <paramref name="index"/> of <paramref name="account"/>.</summary>
    public static MimeMessage Message(string account, int index)
    {
        var message = new MimeMessage { Subject = Uid(index), Date = DateTimeOffset.UtcNow };
        message.From.Add(new MailboxAddress(account, account));
        message.To.Add(new MailboxAddress(account, account));
        message.Headers.Add("X-Eas-Pim", "contact");
        var part = new TextPart("vcard");
        part.SetText(Encoding.UTF8, Vcard(index));
        part.ContentTransferEncoding = part.GetBestEncoding(EncodingConstraint.SevenBit);
        message.Body = part;
        return message;
    }

    private static byte[] PhotoData()
    {
        var bytes = new byte[PhotoBytes];
        new Random(15).NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[^2] = 0xFF;
        bytes[^1] = 0xD9;
        return bytes;
    }
}
