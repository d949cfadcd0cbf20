using System.Text;
using Eas.Mail.Mime;
using Eas.Mail.Mime.Writing;
using static Eas.Mail.Tests.Mime.Writing.WritingKit;

namespace Eas.Mail.Tests.Mime.Writing;

/// <summary>Writing a SendMail message: the delivered form without Bcc, the Sent Items copy with it, the rest as the phone wrote it.</summary>
public sealed class OutgoingWriterTests
{
    private const string Complete = """
        From: Me <me@example.com>
        To: Ann <ann@example.org>
        Bcc: Secret <secret@example.net>,
         other@example.net
        Subject: =?utf-8?Q?Caf=C3=A9?=
        Date: Tue, 1 Jan 2019 10:00:00 +0100
        Message-ID: <abc@example.com>
        MIME-Version: 1.0
        X-Mailer:   iPhone   Mail (16A366)
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        Caf=C3=A9 =
        au lait
        """;

    [Fact]
    public async Task The_delivered_form_has_no_Bcc_and_is_otherwise_the_phones_message_byte_for_byte()
    {
        var message = await ReadAsync(Complete);

        var written = await WriteTextAsync(message);

        var expected = Complete.ReplaceLineEndings("\r\n").Replace("Bcc: Secret <secret@example.net>,\r\n other@example.net\r\n", string.Empty);
        written.ShouldBe(expected);
    }

    [Fact]
    public async Task The_Sent_Items_copy_keeps_Bcc_and_is_the_phones_message_byte_for_byte()
    {
        var message = await ReadAsync(Complete);

        (await WriteTextAsync(message, OutgoingCopy.SentItems)).ShouldBe(Complete.ReplaceLineEndings("\r\n"));
    }

    [Fact]
    public async Task Missing_Date_Message_ID_and_MIME_Version_are_added_to_both_forms_alike()
    {
        var message = await ReadAsync("""
            From: me@example.com
            To: ann@example.org
            Bcc: hidden@example.org

            Hello
            """);

        var delivered = HeaderOf(await WriteAsync(message));
        var sent = HeaderOf(await WriteAsync(message, OutgoingCopy.SentItems));

        delivered.ShouldBe($"From: me@example.com\r\nTo: ann@example.org\r\nDate: Mon, 06 May 2024 07:08:09 +0000\r\nMessage-ID: <{message.MessageId}>\r\nMIME-Version: 1.0\r\n");
        sent.ShouldBe(delivered.Replace("To: ann@example.org\r\n", "To: ann@example.org\r\nBcc: hidden@example.org\r\n"));
    }

    [Fact]
    public async Task A_missing_From_is_written_as_the_account_and_replaced_fields_are_not_written_twice()
    {
        var message = await ReadAsync("""
            From: No Address Here
            To: ann@example.org
            Date: next Tuesday
            Message-ID: not-an-id

            Hello
            """);

        var header = HeaderOf(await WriteAsync(message));

        header.ShouldBe($"To: ann@example.org\r\nFrom: me@example.com\r\nDate: Mon, 06 May 2024 07:08:09 +0000\r\nMessage-ID: <{message.MessageId}>\r\nMIME-Version: 1.0\r\n");
    }

    [Fact]
    public async Task The_written_message_reads_back_with_the_same_envelope_and_body()
    {
        var message = await ReadAsync(Complete);

        var summary = await SummarizeAsync(await WriteAsync(message));

        summary.Envelope.Subject.ShouldBe("Café");
        summary.Envelope.MessageId.ShouldBe("abc@example.com");
        summary.Envelope.Bcc.ShouldBeEmpty();
        summary.PlainText!.Text.ShouldBe("Café au lait");
    }

    [Fact]
    public async Task Bare_line_feeds_become_CRLF_and_the_body_is_not_re_encoded()
    {
        var lf = Encoding.UTF8.GetBytes("To: ann@example.org\nSubject: x\nMIME-Version: 1.0\nDate: Tue, 1 Jan 2019 10:00:00 +0000\nMessage-ID: <a@b>\n\nline one\nZm9v\r\nlast\rend");
        var message = await OutgoingMessage.ReadAsync(lf, Account, Options);

        var written = Encoding.UTF8.GetString(await WriteAsync(message));

        written.ShouldBe("To: ann@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\nDate: Tue, 1 Jan 2019 10:00:00 +0000\r\nMessage-ID: <a@b>\r\nFrom: me@example.com\r\n\r\nline one\r\nZm9v\r\nlast\r\nend");
    }

    [Fact]
    public async Task A_multipart_body_with_an_attachment_is_copied_without_being_decoded()
    {
        var text = """
            From: me@example.com
            To: ann@example.org
            Date: Tue, 1 Jan 2019 10:00:00 +0000
            Message-ID: <m@example.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            preamble
            --b1
            Content-Type: text/plain

            See attached.
            --b1
            Content-Type: application/octet-stream; name="data.bin"
            Content-Disposition: attachment; filename="data.bin"
            Content-Transfer-Encoding: base64

            AAECAwQFBgcICQ==
            --b1--
            epilogue
            """;
        var message = await ReadAsync(text);

        var written = await WriteAsync(message, OutgoingCopy.SentItems);

        Encoding.UTF8.GetString(written).ShouldBe(text.ReplaceLineEndings("\r\n"));
        var read = await ParseAsync(written);
        read.Contents["2"].ShouldBe(Enumerable.Range(0, 10).Select(i => (byte)i).ToArray());
    }

    [Fact]
    public async Task Writing_twice_yields_the_same_bytes()
    {
        var message = await ReadAsync("To: ann@example.org\n\nHello\n");

        (await WriteAsync(message)).ShouldBe(await WriteAsync(message));
    }
}
