using Eas.Mail.Mime;
using static Eas.Mail.Tests.Mime.MimeTestData;

namespace Eas.Mail.Tests.Mime;

/// <summary>Choosing, decoding and truncating bodies and listing attachments, as sync needs them.</summary>
public sealed class MessageBodiesTests
{
    private static Task<MessageSummary> ExtractAsync(string message, MessageBodyOptions? options = null) =>
        MessageBodies.ExtractAsync(new TrickleStream(Crlf(message), 17), options);

    [Fact]
    public async Task Alternative_gives_both_kinds_natively()
    {
        var summary = await ExtractAsync("""
            Content-Type: multipart/alternative; boundary=a

            --a
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            Caf=E9
            --a
            Content-Type: text/html; charset=utf-8

            <p>Café</p>
            --a--
            """);

        summary.PlainText.ShouldBe(new TextBody("Café", false, 5, false));
        summary.Html.ShouldBe(new TextBody("<p>Café</p>", false, 12, false));
        summary.Attachments.ShouldBeEmpty();
    }

    [Fact]
    public async Task Alternative_prefers_the_last_alternative_of_each_kind()
    {
        var summary = await ExtractAsync("""
            Content-Type: multipart/alternative; boundary=a

            --a

            plain one
            --a
            Content-Type: text/enriched

            <bold>rich</bold>
            --a
            Content-Type: multipart/related; boundary=r

            --r
            Content-Type: text/html

            <p>html</p><img src="cid:logo@x">
            --r
            Content-Type: image/png
            Content-ID: <logo@x>
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --r--
            --a--
            """);

        summary.PlainText!.Text.ShouldBe("plain one");
        summary.Html!.Text.ShouldBe("<p>html</p><img src=\"cid:logo@x\">");
        var image = summary.Attachments.ShouldHaveSingleItem();
        // 12 base64 characters hold 9 bytes less the padding the estimate cannot see: 8 really, 9 estimated.
        image.ShouldBe(new AttachmentInfo("3.2", null, "image/png", "logo@x", null, true, 12, 9));
    }

    [Fact]
    public async Task Related_uses_the_start_parameter_for_its_root()
    {
        var summary = await ExtractAsync("""
            Content-Type: multipart/related; boundary=r; start="<root@x>"

            --r
            Content-Type: text/html
            Content-ID: <other@x>

            <p>not the root</p>
            --r
            Content-Type: text/html
            Content-ID: <root@x>

            <p>root</p>
            --r--
            """);

        summary.Html!.Text.ShouldBe("<p>root</p>");
        summary.Attachments.ShouldHaveSingleItem().PartSpecifier.ShouldBe("1");
    }

    [Fact]
    public async Task Mixed_concatenates_inline_text_parts_around_attachments()
    {
        var summary = await ExtractAsync("""
            Content-Type: multipart/mixed; boundary=m

            --m
            Content-Type: text/plain

            Hello,
            --m
            Content-Type: image/jpeg; name="photo.jpg"
            Content-Disposition: inline
            Content-Transfer-Encoding: base64

            /9j/4AAQ
            --m
            Content-Type: text/plain

            -- footer
            --m
            Content-Type: text/plain; name=notes.txt
            Content-Disposition: attachment; filename=notes.txt

            not body
            --m--
            """);

        summary.PlainText!.Text.ShouldBe("Hello,\r\n-- footer");
        summary.Html.ShouldBeNull();
        summary.Attachments.Select(a => (a.PartSpecifier, a.FileName, a.IsInline)).ShouldBe([("2", "photo.jpg", true), ("4", "notes.txt", false)]);
    }

    [Fact]
    public async Task Mixed_with_html_writes_plain_parts_into_the_html_body_and_the_reverse()
    {
        var summary = await ExtractAsync("""
            Content-Type: multipart/mixed; boundary=m

            --m
            Content-Type: text/html

            <p>First &amp; best</p>
            --m
            Content-Type: text/plain

            a < b
            --m--
            """);

        summary.Html!.Text.ShouldBe("<p>First &amp; best</p><div>a &lt; b</div>");
        summary.Html.Converted.ShouldBeTrue();
        summary.PlainText!.Text.ShouldBe("First & best\r\na < b");
        summary.PlainText.Converted.ShouldBeTrue();
    }

    [Fact]
    public async Task An_html_only_message_gets_a_plain_text_body_converted_from_it()
    {
        var summary = await ExtractAsync("Content-Type: text/html; charset=windows-1252\n\n<p>Price: 5&euro;</p><p>Thanks</p>\n");

        summary.PlainText.ShouldBe(new TextBody("Price: 5€\r\n\r\nThanks", false, 21, true));
        summary.Html!.Converted.ShouldBeFalse();
    }

    [Fact]
    public async Task A_plain_only_message_has_no_html_body()
    {
        var summary = await ExtractAsync("Subject: x\n\njust text\n");

        summary.PlainText!.Text.ShouldBe("just text\r\n");
        summary.Html.ShouldBeNull();
    }

    [Fact]
    public async Task Bodies_are_truncated_by_utf8_bytes_on_character_boundaries()
    {
        var summary = await ExtractAsync(
            "Content-Type: text/plain; charset=utf-8\n\nñññññ\n",
            new MessageBodyOptions { PlainTextLimit = 5, HtmlLimit = 30 });

        summary.PlainText.ShouldBe(new TextBody("ññ", true, 12, false));
    }

    [Fact]
    public async Task Bodies_can_be_truncated_by_characters()
    {
        var summary = await ExtractAsync(
            "Content-Type: text/plain; charset=utf-8\n\nñññññ\n",
            new MessageBodyOptions { PlainTextLimit = 3, Unit = TruncationUnit.Characters });

        summary.PlainText.ShouldBe(new TextBody("ñññ", true, 7, false));
    }

    [Fact]
    public async Task Truncation_of_concatenated_parts_counts_the_whole_body()
    {
        var summary = await ExtractAsync("""
            Content-Type: multipart/mixed; boundary=m

            --m

            0123456789
            --m

            abcdefghij
            --m--
            """, new MessageBodyOptions { PlainTextLimit = 14 });

        summary.PlainText.ShouldBe(new TextBody("0123456789\r\nab", true, 22, false));
    }

    [Fact]
    public async Task Attachment_names_sizes_and_locations()
    {
        var summary = await ExtractAsync("""
            Content-Type: multipart/mixed; boundary=m

            --m

            body
            --m
            Content-Type: application/octet-stream; name="=?utf-8?B?0L7RgtGH0LXRgi5wZGY=?="
            Content-Transfer-Encoding: base64
            Content-Location: http://example.com/
             files/report.pdf

            AAECAwQFBgcICQ==
            --m
            Content-Type: application/pdf
            Content-Disposition: attachment; filename*=utf-8''r%C3%A9sum%C3%A9.pdf
            Content-Transfer-Encoding: quoted-printable

            %PDF=
            -1.4
            --m
            Content-Type: message/rfc822

            Subject: Fwd: lunch
            Content-Type: text/plain

            inner body is not the outer body
            --m--
            """);

        summary.PlainText!.Text.ShouldBe("body");
        summary.Attachments.ShouldBe([
            new AttachmentInfo("2", "отчет.pdf", "application/octet-stream", null, "http://example.com/files/report.pdf", false, 16, 12),
            new AttachmentInfo("3", "résumé.pdf", "application/pdf", null, null, false, "%PDF=\r\n-1.4".Length, 11),
            new AttachmentInfo("4", "Fwd: lunch.eml", "message/rfc822", null, null, false, 81, 81),
        ]);
    }

    [Fact]
    public async Task A_non_text_single_part_message_is_one_attachment_and_no_body()
    {
        var summary = await ExtractAsync("Content-Type: application/pdf\nContent-Disposition: attachment; filename=a.pdf\n\n%PDF\n");

        summary.PlainText.ShouldBeNull();
        summary.Attachments.ShouldHaveSingleItem().PartSpecifier.ShouldBe("1");
    }

    [Fact]
    public async Task Signed_messages_show_the_content_and_list_the_signature()
    {
        var summary = await ExtractAsync("""
            Content-Type: multipart/signed; boundary=s; protocol="application/pkcs7-signature"

            --s
            Content-Type: text/plain

            signed text
            --s
            Content-Type: application/pkcs7-signature; name=smime.p7s
            Content-Transfer-Encoding: base64

            MIAGCSqGSIb3DQEHAqCAMIACAQEx
            --s--
            """);

        summary.PlainText!.Text.ShouldBe("signed text");
        summary.Attachments.ShouldHaveSingleItem().FileName.ShouldBe("smime.p7s");
    }

    [Fact]
    public async Task Text_in_an_unknown_charset_and_a_byte_order_mark_decode_cleanly()
    {
        var message = Crlf("Content-Type: text/plain; charset=x-bogus\n\n").Concat(new byte[] { 0xEF, 0xBB, 0xBF }).Concat("Grüße"u8.ToArray()).ToArray();

        var summary = await MessageBodies.ExtractAsync(new MemoryStream(message));

        summary.PlainText!.Text.ShouldBe("Grüße");
    }

    [Fact]
    public async Task The_envelope_comes_with_the_summary()
    {
        var summary = await ExtractAsync("From: Ann <ann@x.org>\nSubject: =?utf-8?q?hi?=\n\nx\n");

        summary.Envelope.From.ShouldHaveSingleItem().ShouldBe(new MailAddress("Ann", "ann@x.org"));
        summary.Envelope.Subject.ShouldBe("hi");
        summary.Structure.PartCount.ShouldBe(1);
    }
}
