using Eas.Actors.Sync.Email;
using static Eas.Actors.Tests.Sync.Email.Reading.ReadingTestData;

namespace Eas.Actors.Tests.Sync.Email.Reading;

/// <summary>Choosing, decoding and truncating bodies and listing attachments, as sync needs them.</summary>
public sealed class MessageBodiesTests
{
    [Fact]
    public async Task Alternative_gives_both_kinds_natively()
    {
        var item = await ReadAsync("""
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

        item.PlainText.ShouldBe(new EmailBodyText("Café", 5));
        item.Html.ShouldBe(new EmailBodyText("<p>Café</p>", 12));
        item.Attachments.ShouldBeEmpty();
    }

    [Fact]
    public async Task Alternative_prefers_the_last_alternative_of_each_kind()
    {
        var item = await ReadAsync("""
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

        item.PlainText!.Text.ShouldBe("plain one");
        item.Html!.Text.ShouldBe("<p>html</p><img src=\"cid:logo@x\">");
        // 12 base64 characters hold 9 bytes less the padding the estimate cannot see: 8 really, 9 estimated.
        item.Attachments.ShouldHaveSingleItem().ShouldBe(new EmailAttachment("attachment-3.2", "image/png", 9, "3.2") { ContentId = "logo@x", IsInline = true });
    }

    [Fact]
    public async Task Related_uses_the_start_parameter_for_its_root()
    {
        var item = await ReadAsync("""
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

        item.Html!.Text.ShouldBe("<p>root</p>");
        item.Attachments.ShouldHaveSingleItem().FileReference.ShouldBe("1");
    }

    [Fact]
    public async Task Mixed_concatenates_inline_text_parts_around_attachments()
    {
        var item = await ReadAsync("""
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

        item.PlainText!.Text.ShouldBe("Hello,\r\n-- footer");
        item.Html.ShouldBeNull();
        item.Attachments.Select(a => (a.FileReference, a.FileName, a.IsInline)).ShouldBe([("2", "photo.jpg", true), ("4", "notes.txt", false)]);
    }

    [Fact]
    public async Task Mixed_with_html_writes_plain_parts_into_the_html_body_and_the_reverse()
    {
        var item = await ReadAsync("""
            Content-Type: multipart/mixed; boundary=m

            --m
            Content-Type: text/html

            <p>First &amp; best</p>
            --m
            Content-Type: text/plain

            a < b
            --m--
            """);

        item.Html!.Text.ShouldBe("<p>First &amp; best</p><div>a &lt; b</div>");
        item.PlainText!.Text.ShouldBe("First & best\r\na < b");
    }

    [Fact]
    public async Task An_html_only_message_gets_a_plain_text_body_converted_from_it()
    {
        var item = await ReadAsync(Crlf("Content-Type: text/html; charset=windows-1252\n\n<p>Price: 5&euro;</p><p>Thanks</p>\n"));

        item.PlainText.ShouldBe(new EmailBodyText("Price: 5€\r\n\r\nThanks", 21));
        item.Html!.Text.ShouldBe("<p>Price: 5&euro;</p><p>Thanks</p>\r\n");
    }

    [Fact]
    public async Task A_plain_only_message_has_no_html_body()
    {
        var item = await ReadAsync("Subject: x\n\njust text\n");

        item.PlainText!.Text.ShouldBe("just text\r\n");
        item.Html.ShouldBeNull();
    }

    [Fact]
    public async Task Bodies_are_truncated_by_utf8_bytes_on_character_boundaries()
    {
        var item = await ReadAsync("Content-Type: text/plain; charset=utf-8\n\nñññññ\n", maxBodyBytes: 5);

        item.PlainText.ShouldBe(new EmailBodyText("ññ", 12));
        item.PlainText!.IsComplete.ShouldBeFalse();
    }

    [Fact]
    public async Task Truncation_of_concatenated_parts_counts_the_whole_body()
    {
        var item = await ReadAsync("""
            Content-Type: multipart/mixed; boundary=m

            --m

            0123456789
            --m

            abcdefghij
            --m--
            """, maxBodyBytes: 14);

        item.PlainText.ShouldBe(new EmailBodyText("0123456789\r\nab", 22));
    }

    [Fact]
    public async Task Attachment_names_sizes_and_locations()
    {
        var item = await ReadAsync("""
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

        item.PlainText!.Text.ShouldBe("body");
        item.Attachments.ShouldBe([
            new EmailAttachment("отчет.pdf", "application/octet-stream", 12, "2") { ContentLocation = "http://example.com/files/report.pdf" },
            new EmailAttachment("résumé.pdf", "application/pdf", "%PDF=\r\n-1.4".Length, "3"),
            new EmailAttachment("Fwd: lunch.eml", "message/rfc822", 81, "4"),
        ]);
    }

    [Fact]
    public async Task A_non_text_single_part_message_is_one_attachment_and_no_body()
    {
        var item = await ReadAsync("Content-Type: application/pdf\nContent-Disposition: attachment; filename=a.pdf\n\n%PDF\n");

        item.PlainText.ShouldBeNull();
        item.Attachments.ShouldHaveSingleItem().FileReference.ShouldBe("1");
    }

    [Fact]
    public async Task Signed_messages_show_the_content_list_the_signature_and_get_the_SMIME_class()
    {
        var item = await ReadAsync("""
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

        item.PlainText!.Text.ShouldBe("signed text");
        item.Attachments.ShouldHaveSingleItem().FileName.ShouldBe("smime.p7s");
        item.MessageClass.ShouldBe(EmailMessageClass.SmimeMultipartSigned);
    }

    [Fact]
    public async Task Encrypted_messages_get_the_SMIME_class_and_plain_ones_the_note_class()
    {
        (await ReadAsync("Content-Type: application/x-pkcs7-mime; smime-type=enveloped-data\nContent-Transfer-Encoding: base64\n\nMIAG\n"))
            .MessageClass.ShouldBe(EmailMessageClass.Smime);
        (await ReadAsync("Subject: s\n\nx\n")).MessageClass.ShouldBe(EmailMessageClass.Note);
    }

    [Fact]
    public async Task Text_in_an_unknown_charset_and_a_byte_order_mark_decode_cleanly()
    {
        var message = Crlf("Content-Type: text/plain; charset=x-bogus\n\n").Concat(new byte[] { 0xEF, 0xBB, 0xBF }).Concat("Grüße"u8.ToArray()).ToArray();

        var item = await ReadAsync(message);

        item.PlainText!.Text.ShouldBe("Grüße");
    }

    [Fact]
    public async Task Mime_is_kept_up_to_the_limit_for_clients_that_ask_for_it()
    {
        var message = Crlf("Subject: s\n\nsome body text\n");

        var item = await ReadAsync(message, maxBodyBytes: 10, wantMime: true);

        item.Mime!.Size.ShouldBe(message.Length);
        item.Mime.Data.ToArray().ShouldBe(message[..10]);
        (await ReadAsync(message)).Mime.ShouldBeNull();
    }

    [Fact]
    public async Task Imap_flags_are_applied()
    {
        var item = await ReadAsync(Crlf("Subject: s\n\nx\n"), flags: ["\\Seen", "\\Flagged"]);

        item.Read.ShouldBeTrue();
        item.Flag.ShouldNotBeNull();
        item.DateReceived.ShouldBe(Received.UtcDateTime);
    }
}
