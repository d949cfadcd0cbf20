using System.Text;
using Eas.Mail.Mime;
using Eas.Mail.Mime.Writing;
using static Eas.Mail.Tests.Mime.Writing.WritingKit;

namespace Eas.Mail.Tests.Mime.Writing;

/// <summary>SmartForward (MS-ASCMD 2.2.1.19): the original's text appended and its attachments carried, copied as encoded.</summary>
public sealed class SmartForwardTests
{
    private const string Report = """
        From: Ann <ann@example.org>
        To: me@example.com
        Subject: Report
        Date: Wed, 2 Jan 2019 09:30:00 +0000
        Message-ID: <report@example.org>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="outer"

        --outer
        Content-Type: multipart/related; boundary="rel"; type="text/html"

        --rel
        Content-Type: text/html; charset=utf-8

        <html><body><p>See <img src="cid:logo@example.org"></p></body></html>
        --rel
        Content-Type: image/png; name="logo.png"
        Content-ID: <logo@example.org>
        Content-Transfer-Encoding: base64

        iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk
        YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==
        --rel--
        --outer
        Content-Type: application/pdf; name="=?utf-8?Q?R=C3=A9sum=C3=A9.pdf?="
        Content-Disposition: attachment; filename*=utf-8''R%C3%A9sum%C3%A9.pdf
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJcOkw7zDtsOfCg==
        --outer--
        """;

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    private static readonly byte[] Pdf = Convert.FromBase64String("JVBERi0xLjQKJcOkw7zDtsOfCg==");

    [Fact]
    public async Task A_forward_is_mixed_with_the_quoted_body_and_the_originals_attachments_copied_as_encoded()
    {
        var forward = await ReadAsync("From: me@example.com\nTo: bob@example.org\nSubject: Fwd: Report\n\nFYI\n");

        var composed = await SmartComposer.ForwardAsync(forward, Original(Report));
        var written = await WriteAsync(composed);
        var read = await ParseAsync(written);

        MimeTestData.Outline(read.Structure).ShouldBe("TEXT multipart/mixed\n  1 text/plain\n  2 image/png\n  3 application/pdf");
        TextOf(read, "1").ShouldStartWith("FYI\r\n\r\n-----Original Message-----\r\nFrom: Ann <ann@example.org>\r\nSent: Wednesday, January 2, 2019 9:30 AM (UTC+00:00)\r\n");
        TextOf(read, "1").ShouldEndWith("Subject: Report\r\n\r\nSee");
        read.Contents["2"].ShouldBe(Png);
        read.Contents["3"].ShouldBe(Pdf);
        read.Part("2").ContentId.ShouldBe("logo@example.org");
        read.Part("3").FileName.ShouldBe("Résumé.pdf");
        var text = Encoding.UTF8.GetString(written);
        text.ShouldContain("Content-Type: image/png; name=\"logo.png\"\r\nContent-ID: <logo@example.org>\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk\r\nYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\r\n--=_");
        text.ShouldContain("Content-Disposition: attachment; filename*=utf-8''R%C3%A9sum%C3%A9.pdf\r\n");
        HeaderOf(written).ShouldContain("References: <report@example.org>\r\n");
        HeaderOf(written).ShouldNotContain("In-Reply-To");
        composed.References.ShouldBe(["report@example.org"]);
        composed.InReplyTo.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_phones_own_attachments_stay_between_its_body_and_the_originals()
    {
        var forward = await ReadAsync("""
            To: bob@example.org
            Subject: Fwd: Report
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="p"

            --p
            Content-Type: multipart/alternative; boundary="a"

            --a
            Content-Type: text/plain; charset=utf-8

            Have a look.
            --a
            Content-Type: text/html; charset=utf-8

            <html><body><p>Have a look.</p></body></html>
            --a--
            --p
            Content-Type: text/plain; name="notes.txt"
            Content-Disposition: attachment; filename="notes.txt"

            my notes
            --p--
            """);

        var read = await ParseAsync(await WriteAsync(await SmartComposer.ForwardAsync(forward, Original(Report))));

        MimeTestData.Outline(read.Structure).ShouldBe(
            "TEXT multipart/mixed\n  1 multipart/alternative\n    1.1 text/plain\n    1.2 text/html\n  2 text/plain\n  3 image/png\n  4 application/pdf");
        TextOf(read, "1.1").ShouldStartWith("Have a look.\r\n\r\n-----Original Message-----");
        TextOf(read, "1.2").ShouldContain("<p>See <img src=\"cid:logo@example.org\"></p>\r\n</blockquote>\r\n</body></html>");
        read.Text("2").ShouldBe("my notes");
        read.Contents["3"].ShouldBe(Png);
        read.Contents["4"].ShouldBe(Pdf);
        var boundaries = read.Structure.Parts.Where(p => p.Kind == MimePartKind.Multipart).Select(p => p.ContentType.Boundary!).ToList();
        boundaries.Count.ShouldBe(2);
        boundaries.ShouldAllBe(b => b.StartsWith("=_") && b.Length == boundaries[0].Length);
        boundaries.Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task Attachments_the_phone_already_carries_are_not_added_twice()
    {
        var forward = await ReadAsync("""
            To: bob@example.org
            Content-Type: multipart/mixed; boundary="p"

            --p
            Content-Type: text/plain

            FYI
            --p
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename="r\u00e9sum\u00e9.PDF"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQKJcOkw7zDtsOfCg==
            --p
            Content-Type: image/png
            Content-ID: <logo@example.org>
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --p--
            """.Replace("\\u00e9", "é"));

        var read = await ParseAsync(await WriteAsync(await SmartComposer.ForwardAsync(forward, Original(Report))));

        MimeTestData.Outline(read.Structure).ShouldBe("TEXT multipart/mixed\n  1 text/plain\n  2 application/octet-stream\n  3 image/png");
    }

    [Fact]
    public async Task Without_the_originals_attachments_a_forward_is_only_the_quoted_body()
    {
        var forward = await ReadAsync("To: bob@example.org\n\nFYI\n");

        var options = new SmartComposeOptions { IncludeOriginalAttachments = false };
        var read = await ParseAsync(await WriteAsync(await SmartComposer.ForwardAsync(forward, Original(Report), options)));

        MimeTestData.Outline(read.Structure).ShouldBe("1 text/plain");
        TextOf(read, "1").ShouldEndWith("Subject: Report\r\n\r\nSee");
    }

    [Fact]
    public async Task With_ReplaceMime_a_forward_carries_nothing_of_the_original_but_its_thread()
    {
        var forward = await ReadAsync("To: bob@example.org\nReferences: <mine@example.org>\n\nMy whole forward\n");

        var composed = await SmartComposer.ForwardAsync(forward, Original(Report), new SmartComposeOptions { ReplaceMime = true });
        var written = Encoding.UTF8.GetString(await WriteAsync(composed));

        written.ShouldEndWith("\r\n\r\nMy whole forward\r\n");
        written.ShouldNotContain("image/png");
        written.ShouldNotContain("report@example.org");
        composed.References.ShouldBe(["mine@example.org"]);
    }

    [Fact]
    public async Task An_attached_message_and_a_digest_member_are_forwarded_whole()
    {
        var original = """
            From: ann@example.org
            To: me@example.com
            Subject: Two notes
            Message-ID: <notes@example.org>
            Content-Type: multipart/mixed; boundary="m"

            --m
            Content-Type: text/plain

            Two earlier notes.
            --m
            Content-Type: message/rfc822

            From: carl@example.org
            Subject: First

            First note
            --m
            Content-Type: multipart/digest; boundary="d"

            --d

            From: dora@example.org
            Subject: Second

            Second note
            --d--
            --m--
            """;
        var forward = await ReadAsync("To: bob@example.org\n\nFYI\n");

        var written = await WriteAsync(await SmartComposer.ForwardAsync(forward, Original(original)));
        var read = await ParseAsync(written);

        MimeTestData.Outline(read.Structure).ShouldBe(
            "TEXT multipart/mixed\n  1 text/plain\n  2 message/rfc822\n    2.1 text/plain\n  3 message/rfc822\n    3.1 text/plain");
        read.Text("2.1").ShouldBe("First note");
        read.Text("3.1").ShouldBe("Second note");
        Encoding.UTF8.GetString(written).ShouldContain("Content-Type: message/rfc822\r\n\r\nFrom: dora@example.org\r\n");
    }
}
