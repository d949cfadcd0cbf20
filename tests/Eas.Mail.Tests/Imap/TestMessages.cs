using System.Text;

namespace Eas.Mail.Tests.Imap;

/// <summary>RFC 5322 messages for the tests, with CRLF line ends so that fetched octets match exactly.</summary>
internal static class TestMessages
{
    public const string AttachmentText = "%PDF-1.4 pretend this is a PDF\r\n";

    public static string Plain(string subject, string body = "Hello there.", string date = "Tue, 5 Mar 2024 10:00:00 +0100") => Lines(
        "From: Bob Sender <bob@example.com>",
        "To: alice@example.com",
        $"Subject: {subject}",
        $"Date: {date}",
        $"Message-ID: <{Guid.NewGuid():N}@example.com>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "",
        body);

    /// <summary>
    /// multipart/mixed: (1) multipart/alternative of text and HTML, (2) a base64 PDF attachment, (3) an attached
    /// message/rfc822; with an encoded-word subject and sender name, a group, and an Importance header.
    /// </summary>
    public static string WithAttachments() => Lines(
        "From: =?utf-8?q?J=C3=B6rg_M=C3=BCller?= <joerg@example.com>",
        "To: alice@example.com, Team: carol@example.com, dave@example.com;",
        "Cc: \"Eve E.\" <eve@example.com>",
        "Subject: =?utf-8?q?Rechnung_f=C3=BCr_M=C3=A4rz?=",
        "Date: Wed, 6 Mar 2024 09:30:00 +0100",
        "Message-ID: <invoice-42@example.com>",
        "In-Reply-To: <order-7@example.com>",
        "Importance: high",
        "MIME-Version: 1.0",
        "Content-Type: multipart/mixed; boundary=\"outer\"",
        "",
        "--outer",
        "Content-Type: multipart/alternative; boundary=\"inner\"",
        "",
        "--inner",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        "",
        "Please find the invoice attached.",
        "--inner",
        "Content-Type: text/html; charset=utf-8",
        "",
        "<p>Please find the <b>invoice</b> attached.</p>",
        "--inner--",
        "--outer",
        "Content-Type: application/pdf; name=\"Rechnung.pdf\"",
        "Content-Disposition: attachment; filename=\"Rechnung.pdf\"",
        "Content-Transfer-Encoding: base64",
        "",
        Convert.ToBase64String(Encoding.ASCII.GetBytes(AttachmentText)),
        "--outer",
        "Content-Type: message/rfc822",
        "",
        "From: carol@example.com",
        "Subject: Forwarded order",
        "",
        "The order.",
        "--outer--",
        "");

    /// <summary>A message of about <paramref name="size"/> octets: a text part and a base64 attachment in 76-column lines.</summary>
    public static byte[] Large(int size)
    {
        var text = new StringBuilder(size + 1024);
        text.Append(Lines(
            "From: bob@example.com",
            "Subject: Large",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"b\"",
            "",
            "--b",
            "Content-Type: text/plain",
            "",
            "See attachment.",
            "--b",
            "Content-Type: application/octet-stream; name=\"big.bin\"",
            "Content-Transfer-Encoding: base64",
            ""));
        var random = new Random(42);
        var line = new byte[57];
        while (text.Length < size)
        {
            random.NextBytes(line);
            text.Append(Convert.ToBase64String(line)).Append("\r\n");
        }

        text.Append("--b--\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    public static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";
}
