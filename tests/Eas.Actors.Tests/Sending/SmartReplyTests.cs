using MimeKit;
using static Eas.Actors.Tests.Sending.ComposeKit;

namespace Eas.Actors.Tests.Sending;

/// <summary>SmartReply (MS-ASCMD 2.2.1.20): the original quoted below the phone's text, and the reply threaded (RFC 5322 section 3.6.4).</summary>
public sealed class SmartReplyTests
{
    private const string Question = """
        From: Ann <ann@example.org>
        To: me@example.com
        Cc: bob@example.org
        Subject: Question
        Date: Wed, 2 Jan 2019 09:30:00 +0000
        Message-ID: <q2@example.org>
        References: <root@example.org> <q1@example.org>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=iso-8859-1
        Content-Transfer-Encoding: quoted-printable

        When do we meet? Gr=FC=DFe
        """;

    private const string HtmlQuestion = """
        From: Ann <ann@example.org>
        To: me@example.com
        Subject: Question
        Message-ID: <h1@example.org>
        MIME-Version: 1.0
        Content-Type: text/html; charset=utf-8

        <html><head><style>p{}</style></head><body><p>When &amp; where?</p><p>Ann</p></body></html>
        """;

    [Fact]
    public async Task A_plain_reply_gets_the_separator_and_the_original_text_below_its_own_as_UTF_8_and_is_threaded()
    {
        using var reply = await ComposeAsync("From: me@example.com\nTo: ann@example.org\nSubject: Re: Question\n\nAt ten.\n", Question, forward: false);

        var read = await ReadBackAsync(reply);
        Plain(read).ShouldBe(
            "At ten.\r\n\r\n-----Original Message-----\r\nFrom: Ann <ann@example.org>\r\nSent: Wednesday, January 2, 2019 9:30 AM (UTC+00:00)\r\n" +
            "To: me@example.com\r\nCc: bob@example.org\r\nSubject: Question\r\n\r\nWhen do we meet? Grüße");
        ((TextPart)read.Body!).ContentType.Charset.ShouldBe("utf-8");
        read.InReplyTo.ShouldBe("q2@example.org");
        read.References.ShouldBe(["root@example.org", "q1@example.org", "q2@example.org"]);
    }

    [Fact]
    public async Task An_html_original_is_quoted_as_text_in_a_plain_reply()
    {
        using var reply = await ComposeAsync("To: ann@example.org\nSubject: Re\n\nThere.\n", HtmlQuestion, forward: false);

        var text = Plain(await ReadBackAsync(reply));
        text.ShouldEndWith("Subject: Question\r\n\r\nWhen & where?\r\n\r\nAnn", Case.Sensitive, "paragraphs stay apart");
        text.ShouldNotContain("p{}");
    }

    [Fact]
    public async Task An_html_reply_gets_the_original_html_body_in_a_blockquote_before_its_body_end()
    {
        const string phone = "To: ann@example.org\nSubject: Re\nContent-Type: text/html; charset=iso-8859-1\n\n<html><head><meta charset=\"iso-8859-1\"></head><body>Hier.</body></html>\n";
        using var reply = await ComposeAsync(phone, HtmlQuestion, forward: false);

        var html = Html(await ReadBackAsync(reply)).ShouldNotBeNull();
        html.ShouldContain("<meta charset=\"utf-8\">");
        html.ShouldContain("Hier.\r\n<div><br>\r\n-----Original Message-----<br>\r\n<b>From:</b> Ann &lt;ann@example.org&gt;<br>");
        html.ShouldContain("<blockquote style=\"margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex\">\r\n<p>When &amp; where?</p><p>Ann</p>\r\n</blockquote>\r\n</body></html>");
    }

    [Fact]
    public async Task A_plain_original_is_escaped_into_an_html_reply_and_each_alternative_gets_its_own_format()
    {
        const string phone = """
            To: ann@example.org
            Subject: Re
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain

            Ten.
            --alt
            Content-Type: text/html

            <p>Ten.</p>
            --alt--
            """;
        using var reply = await ComposeAsync(phone, Question.Replace("When do we meet?", "Is 3 < 4?", StringComparison.Ordinal), forward: false);

        var read = await ReadBackAsync(reply);
        Outline(read.Body).ShouldBe("multipart/alternative\n  text/plain\n  text/html");
        Plain(read).ShouldEndWith("Is 3 < 4? Grüße");
        Html(read).ShouldNotBeNull().ShouldContain("Is 3 &lt; 4?");
    }

    [Fact]
    public async Task A_flowed_reply_is_unflowed_before_the_original_is_appended()
    {
        using var reply = await ComposeAsync("To: ann@example.org\nContent-Type: text/plain; format=flowed; delsp=yes\n\nOne long para \ngraph.\n", Question, forward: false);

        var read = await ReadBackAsync(reply);
        Plain(read).ShouldStartWith("One long paragraph.\r\n");
        ((TextPart)read.Body!).ContentType.Parameters.Contains("format").ShouldBeFalse();
    }

    [Fact]
    public async Task With_ReplaceMime_the_phones_message_is_sent_as_it_is_with_the_threading_fields()
    {
        using var reply = await ComposeAsync("To: ann@example.org\nSubject: Re\n\nAll mine.\n", Question, forward: false, replaceMime: true);

        var read = await ReadBackAsync(reply);
        Plain(read).ShouldBe("All mine.\r\n");
        read.InReplyTo.ShouldBe("q2@example.org");
    }

    [Fact]
    public async Task Threading_fields_the_phone_wrote_are_kept()
    {
        using var reply = await ComposeAsync("To: ann@example.org\nIn-Reply-To: <mine@x>\nReferences: <mine@x>\n\nHi\n", Question, forward: false);

        var read = await ReadBackAsync(reply);
        read.InReplyTo.ShouldBe("mine@x");
        read.References.ShouldBe(["mine@x"]);
    }

    [Fact]
    public async Task A_long_chain_keeps_its_root_and_the_latest_ids_and_a_parent_without_ids_adds_nothing()
    {
        var chain = string.Join(' ', Enumerable.Range(0, 80).Select(i => $"<c{i}@x>"));
        using var reply = await ComposeAsync("To: ann@example.org\n\nHi\n", $"From: ann@example.org\nReferences: {chain}\nMessage-ID: <last@x>\n\nq\n", forward: false);
        var references = (await ReadBackAsync(reply)).References;
        references.Count.ShouldBe(50);
        references[0].ShouldBe("c0@x");
        references[1].ShouldBe("c32@x");
        references[^1].ShouldBe("last@x");

        using var orphan = await ComposeAsync("To: ann@example.org\n\nHi\n", "From: ann@example.org\n\nq\n", forward: false);
        var header = HeaderOf(await WriteAsync(orphan));
        header.ShouldNotContain("In-Reply-To");
        header.ShouldNotContain("References");
    }

    [Fact]
    public async Task A_reply_with_no_text_of_its_own_gets_the_quote_as_a_second_part()
    {
        const string phone = "To: ann@example.org\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\nAAAA\n";
        using var reply = await ComposeAsync(phone, Question, forward: false);

        var read = await ReadBackAsync(reply);
        Outline(read.Body).ShouldBe("multipart/mixed\n  image/png\n  text/plain");
        Plain(read).ShouldStartWith("-----Original Message-----\r\n");
    }

    [Fact]
    public async Task A_signed_reply_is_left_intact_and_the_quote_follows_it()
    {
        const string phone = """
            To: ann@example.org
            MIME-Version: 1.0
            Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="s"

            --s
            Content-Type: text/plain

            Signed words.
            --s
            Content-Type: application/pkcs7-signature

            c2lnbmF0dXJl
            --s--
            """;
        using var reply = await ComposeAsync(phone, Question, forward: false);

        var written = await WriteAsync(reply);
        written.ShouldContain("--s\r\nContent-Type: text/plain\r\n\r\nSigned words.\r\n--s\r\n");
        var read = await ReadBackAsync(reply);
        Outline(read.Body).ShouldBe("multipart/mixed\n  multipart/signed\n    text/plain\n    application/pkcs7-signature\n  text/plain");
    }
}
