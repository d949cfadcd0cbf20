using System.Text;
using MimeKit;
using static Eas.Actors.Tests.Sending.ComposeKit;

namespace Eas.Actors.Tests.Sending;

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

    [Fact]
    public async Task A_forward_is_mixed_with_the_quoted_body_and_the_originals_attachments_copied_as_encoded()
    {
        using var forward = await ComposeAsync("From: me@example.com\nTo: bob@example.org\nSubject: Fwd: Report\n\nFYI\n", Report, forward: true);

        var written = await WriteAsync(forward);
        var read = await ReadBackAsync(forward);
        Outline(read.Body).ShouldBe("multipart/mixed\n  text/plain\n  image/png\n  application/pdf");
        Plain(read).ShouldStartWith("FYI\r\n\r\n-----Original Message-----\r\nFrom: Ann <ann@example.org>\r\n");
        Plain(read).ShouldEndWith("Subject: Report\r\n\r\nSee");
        var parts = read.BodyParts.OfType<MimePart>().ToList();
        parts[1].ContentId.ShouldBe("logo@example.org");
        parts[2].FileName.ShouldBe("Résumé.pdf");
        written.ShouldContain("Content-Type: image/png; name=\"logo.png\"\r\nContent-ID: <logo@example.org>\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk\r\nYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\r\n");
        written.ShouldContain("Content-Disposition: attachment; filename*=utf-8''R%C3%A9sum%C3%A9.pdf\r\n");
        read.References.ShouldBe(["report@example.org"]);
        HeaderOf(written).ShouldNotContain("In-Reply-To");
    }

    [Fact]
    public async Task The_phones_own_attachments_stay_between_its_body_and_the_originals()
    {
        const string phone = """
            To: bob@example.org
            Subject: Fwd: Report
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="p"

            --p
            Content-Type: text/plain

            With my notes.
            --p
            Content-Type: text/csv; name="notes.csv"
            Content-Disposition: attachment; filename="notes.csv"

            a,b
            --p--
            """;
        using var forward = await ComposeAsync(phone, Report, forward: true);

        Outline((await ReadBackAsync(forward)).Body).ShouldBe("multipart/mixed\n  text/plain\n  text/csv\n  image/png\n  application/pdf");
    }

    [Fact]
    public async Task Attachments_the_phone_already_carries_are_not_added_twice()
    {
        const string phone = """
            To: bob@example.org
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="p"

            --p
            Content-Type: text/plain

            Again.
            --p
            Content-Type: application/pdf
            Content-Disposition: attachment; filename="Résumé.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQKJcOkw7zDtsOfCg==
            --p--
            """;
        using var forward = await ComposeAsync(phone, Report, forward: true);

        Outline((await ReadBackAsync(forward)).Body).ShouldBe("multipart/mixed\n  text/plain\n  application/pdf\n  image/png");
    }

    [Fact]
    public async Task With_ReplaceMime_a_forward_carries_nothing_of_the_original_but_its_thread()
    {
        using var forward = await ComposeAsync("To: bob@example.org\n\nMine alone.\n", Report, forward: true, replaceMime: true);

        var read = await ReadBackAsync(forward);
        Plain(read).ShouldBe("Mine alone.\r\n");
        read.Attachments.ShouldBeEmpty();
        read.References.ShouldBe(["report@example.org"]);
    }

    [Fact]
    public async Task An_attached_message_is_forwarded_whole()
    {
        const string original = """
            From: ann@example.org
            Subject: Has a message
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="o"

            --o
            Content-Type: text/plain

            See inside.
            --o
            Content-Type: message/rfc822

            From: zed@example.org
            Subject: Inner

            inner body
            --o--
            """;
        using var forward = await ComposeAsync("To: bob@example.org\n\nFYI\n", original, forward: true);

        var read = await ReadBackAsync(forward);
        Outline(read.Body).ShouldBe("multipart/mixed\n  text/plain\n  message/rfc822");
        read.BodyParts.OfType<MessagePart>().Single().Message!.Subject.ShouldBe("Inner");
    }

    [Fact]
    public async Task An_original_with_more_text_than_may_be_quoted_is_attached_whole_byte_for_byte()
    {
        var original = $"From: ann@example.org\nSubject: Huge\nContent-Type: text/plain\n\n{new string('z', Eas.Actors.Sending.Compose.SmartComposer.MaxQuotedTextChars + 100)}\n";
        using var forward = await ComposeAsync("To: bob@example.org\n\nFYI\n", original, forward: true);

        var read = await ReadBackAsync(forward);
        Outline(read.Body).ShouldBe("multipart/mixed\n  text/plain\n  message/rfc822");
        Plain(read).ShouldBe("FYI\r\n");
        read.Attachments.Single().ContentDisposition!.FileName.ShouldBe("Huge.eml");
        (await WriteAsync(forward)).ShouldContain(Encoding.UTF8.GetString(Crlf(original)));
    }

    [Fact]
    public async Task Broken_mime_in_the_original_is_quoted_and_forwarded_as_far_as_it_goes()
    {
        const string original = """
            From: ann@example.org
            Subject: Broken
            Content-Type: multipart/mixed; boundary="never-closed"

            --never-closed
            Content-Type: text/plain; charset=no-such-charset

            Readable part.
            --never-closed
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename="cut.bin"
            Content-Transfer-Encoding: base64

            AAAA
            """;
        using var forward = await ComposeAsync("To: bob@example.org\n\nFYI\n", original, forward: true);

        var read = await ReadBackAsync(forward);
        Plain(read).ShouldNotBeNull().ShouldContain("Readable part.");
        read.Attachments.OfType<MimePart>().Single().FileName.ShouldBe("cut.bin");
    }
}
