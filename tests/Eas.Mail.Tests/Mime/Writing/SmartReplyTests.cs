using System.Text;
using Eas.Mail.Mime;
using Eas.Mail.Mime.Writing;
using static Eas.Mail.Tests.Mime.Writing.WritingKit;

namespace Eas.Mail.Tests.Mime.Writing;

/// <summary>SmartReply (MS-ASCMD 2.2.1.20): the original appended below the phone's text, threading fields, ReplaceMime.</summary>
public sealed class SmartReplyTests
{
    internal const string PlainOriginal = """
        From: Ann Example <ann@example.org>
        To: Me <me@example.com>, Bob <bob@example.org>
        Cc: =?utf-8?B?SsO8cmdlbg==?= <juergen@example.org>
        Subject: =?utf-8?Q?Caf=C3=A9_plans?=
        Date: Tue, 1 Jan 2019 10:00:00 +0100
        Message-ID: <orig@example.org>
        References: <root@example.org> <mid@example.org>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Shall we meet at the café?
        """;

    internal const string Separator = """
        -----Original Message-----
        From: Ann Example <ann@example.org>
        Sent: Tuesday, January 1, 2019 10:00 AM (UTC+01:00)
        To: Me <me@example.com>, Bob <bob@example.org>
        Cc: Jürgen <juergen@example.org>
        Subject: Café plans
        """;

    private const string HtmlOriginal = """
        From: Ann Example <ann@example.org>
        To: me@example.com
        Subject: Agenda
        Date: Tue, 1 Jan 2019 10:00:00 +0000
        Message-ID: <html-orig@example.org>
        MIME-Version: 1.0
        Content-Type: text/html; charset=utf-8

        <html><head><style>p { color: red }</style></head><body class="x"><p>First &amp; <b>second</b></p></body></html>
        """;

    [Fact]
    public async Task A_plain_reply_gets_the_separator_and_the_original_text_below_its_own_as_UTF_8()
    {
        var reply = await ReadAsync("""
            From: Me <me@example.com>
            To: Ann Example <ann@example.org>
            Subject: Re: Cafe plans
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            Yes, gern=E9.
            """);

        var composed = await SmartComposer.ReplyAsync(reply, Original(PlainOriginal));
        var written = await WriteAsync(composed);
        var summary = await SummarizeAsync(written);

        summary.PlainText!.Text.ShouldBe(("Yes, gerné.\n\n" + Separator + "\n\nShall we meet at the café?").ReplaceLineEndings("\r\n"));
        summary.Structure.Body.ContentType.ToString().ShouldBe("text/plain; charset=utf-8");
        summary.Structure.Body.TransferEncoding.ShouldBe(TransferEncoding.QuotedPrintable);
        var header = HeaderOf(written);
        header.ShouldStartWith("From: Me <me@example.com>\r\nTo: Ann Example <ann@example.org>\r\nSubject: Re: Cafe plans\r\n");
        header.ShouldContain("In-Reply-To: <orig@example.org>\r\n");
        header.ShouldContain("References: <root@example.org> <mid@example.org> <orig@example.org>\r\n");
        header.ShouldNotContain("iso-8859-1");
        composed.InReplyTo.ShouldBe(["orig@example.org"]);
        composed.References.ShouldBe(["root@example.org", "mid@example.org", "orig@example.org"]);
        composed.MessageId.ShouldBe(reply.MessageId);
        composed.Recipients.ShouldBe(["ann@example.org"]);
    }

    [Fact]
    public async Task An_html_original_is_quoted_as_text_in_a_plain_reply()
    {
        var reply = await ReadAsync("To: ann@example.org\nSubject: Re: Agenda\n\nOK\n");

        var summary = await SummarizeAsync(await WriteAsync(await SmartComposer.ReplyAsync(reply, Original(HtmlOriginal))));

        summary.PlainText!.Text.ShouldEndWith("Subject: Agenda\r\n\r\nFirst & second");
        summary.PlainText.Text.ShouldStartWith("OK\r\n\r\n-----Original Message-----\r\n");
        summary.Html.ShouldBeNull();
    }

    [Fact]
    public async Task An_html_reply_gets_the_original_html_body_in_a_blockquote_before_its_body_end()
    {
        var reply = await ReadAsync("""
            To: ann@example.org
            Subject: Re: Agenda
            Content-Type: text/html; charset=windows-1252

            <html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>Fine – thanks</p></body></html>
            """.Replace("–", "&ndash;"));

        var summary = await SummarizeAsync(await WriteAsync(await SmartComposer.ReplyAsync(reply, Original(HtmlOriginal))));

        var html = summary.Html!.Text;
        html.ShouldStartWith("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body><p>Fine &ndash; thanks</p>");
        html.ShouldContain("-----Original Message-----<br>\r\n<b>From:</b> Ann Example &lt;ann@example.org&gt;<br>\r\n");
        html.ShouldContain("<blockquote style=\"margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex\">\r\n<p>First &amp; <b>second</b></p>\r\n</blockquote>\r\n</body></html>");
        html.ShouldNotContain("color: red");
    }

    [Fact]
    public async Task A_plain_original_is_escaped_into_an_html_reply()
    {
        var reply = await ReadAsync("To: ann@example.org\nContent-Type: text/html; charset=utf-8\n\n<p>Sure</p>\n");
        var original = PlainOriginal.Replace("Shall we meet at the café?", "Is 1 < 2 & \"yes\"?\nSecond line");

        var summary = await SummarizeAsync(await WriteAsync(await SmartComposer.ReplyAsync(reply, Original(original))));

        summary.Html!.Text.ShouldStartWith("<p>Sure</p>\r\n\r\n<div><br>");
        summary.Html.Text.ShouldContain("<div>Is 1 &lt; 2 &amp; &quot;yes&quot;?<br>\r\nSecond line</div>\r\n</blockquote>\r\n");
        summary.Html.Text.ShouldContain("<b>Cc:</b> Jürgen &lt;juergen@example.org&gt;<br>");
    }

    [Fact]
    public async Task Each_alternative_of_an_alternative_reply_gets_the_original_in_its_own_format()
    {
        var reply = await ReadAsync("""
            To: ann@example.org
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=us-ascii

            Agreed.
            --alt
            Content-Type: text/html; charset=us-ascii

            <div>Agreed.</div>
            --alt--
            """);
        var original = HtmlOriginal.Replace("Content-Type: text/html; charset=utf-8\n\n", """
            Content-Type: multipart/alternative; boundary=o

            --o
            Content-Type: text/plain; charset=utf-8

            First & second (plain)
            --o
            Content-Type: text/html; charset=utf-8


            """).Replace("</html>", "</html>\n--o--");

        var written = await WriteAsync(await SmartComposer.ReplyAsync(reply, Original(original)));
        var read = await ParseAsync(written);

        MimeTestData.Outline(read.Structure).ShouldBe("TEXT multipart/alternative\n  1 text/plain\n  2 text/html");
        TextOf(read, "1").ShouldEndWith("Subject: Agenda\r\n\r\nFirst & second (plain)");
        TextOf(read, "1").ShouldStartWith("Agreed.\r\n\r\n-----Original Message-----");
        TextOf(read, "2").ShouldStartWith("<div>Agreed.</div>\r\n<div><br>\r\n-----Original Message-----<br>");
        TextOf(read, "2").ShouldContain("<p>First &amp; <b>second</b></p>\r\n</blockquote>");
        read.Part("1").ContentType.Charset.ShouldBe("utf-8");
        HeaderOf(written).Replace("\r\n ", " ").ShouldContain("Content-Type: multipart/alternative; boundary=\"=_");
    }

    [Fact]
    public async Task A_flowed_reply_is_unflowed_before_the_original_is_appended()
    {
        var reply = await ReadAsync("To: ann@example.org\nContent-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\n\nThis is a long \nline.\n> quoted \n> more\n-- \nMe\n");

        var summary = await SummarizeAsync(await WriteAsync(await SmartComposer.ReplyAsync(reply, Original(PlainOriginal))));

        summary.PlainText!.Text.ShouldStartWith("This is a longline.\r\n> quotedmore\r\n-- \r\nMe\r\n\r\n-----Original Message-----");
        summary.Structure.Body.ContentType.Parameters["format"].ShouldBeNull();
    }

    [Fact]
    public async Task With_ReplaceMime_the_phones_message_is_sent_as_it_is_with_the_threading_fields()
    {
        const string text = "To: ann@example.org\nSubject: Re: x\nDate: Tue, 1 Jan 2019 10:00:00 +0000\nMessage-ID: <r@example.com>\nMIME-Version: 1.0\n\nMy own full reply\n";
        var reply = await ReadAsync(text);
        var originalHeaderOnly = PlainOriginal[..PlainOriginal.IndexOf("\n\n", StringComparison.Ordinal)];

        var composed = await SmartComposer.ReplyAsync(reply, Original(originalHeaderOnly), new SmartComposeOptions { ReplaceMime = true });

        (await WriteTextAsync(composed)).ShouldBe(text.Replace("\n\n", "\nFrom: me@example.com\nIn-Reply-To: <orig@example.org>\nReferences: <root@example.org> <mid@example.org> <orig@example.org>\n\n").ReplaceLineEndings("\r\n"));
    }

    [Fact]
    public async Task Threading_fields_the_phone_wrote_are_kept()
    {
        var reply = await ReadAsync("To: ann@example.org\nIn-Reply-To: <own@example.org>\n\nHi\n");

        var composed = await SmartComposer.ReplyAsync(reply, Original(PlainOriginal));
        var header = HeaderOf(await WriteAsync(composed));

        header.ShouldContain("In-Reply-To: <own@example.org>\r\n");
        header.Split("In-Reply-To").Length.ShouldBe(2);
        composed.InReplyTo.ShouldBe(["own@example.org"]);
        composed.References.ShouldBe(["root@example.org", "mid@example.org", "orig@example.org"]);
    }

    [Fact]
    public async Task A_reply_with_no_text_of_its_own_gets_the_quote_as_a_second_part()
    {
        var reply = await ReadAsync("""
            To: ann@example.org
            Content-Type: image/jpeg
            Content-Transfer-Encoding: base64

            /9j/4AAQ
            """);

        var read = await ParseAsync(await WriteAsync(await SmartComposer.ReplyAsync(reply, Original(PlainOriginal))));

        MimeTestData.Outline(read.Structure).ShouldBe("TEXT multipart/mixed\n  1 image/jpeg\n  2 text/plain");
        read.Contents["1"].ShouldBe(Convert.FromBase64String("/9j/4AAQ"));
        TextOf(read, "2").ShouldBe((Separator + "\n\nShall we meet at the café?").ReplaceLineEndings("\r\n"));
    }

    [Fact]
    public async Task A_signed_reply_is_left_intact_and_the_quote_follows_it()
    {
        var reply = await ReadAsync("""
            To: ann@example.org
            MIME-Version: 1.0
            Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="s"

            --s
            Content-Type: text/plain

            Signed text
            --s
            Content-Type: application/pkcs7-signature; name=smime.p7s
            Content-Transfer-Encoding: base64

            MIAGCSqGSIb3DQEHAqCAMIACAQEx
            --s--
            """);

        var written = await WriteAsync(await SmartComposer.ReplyAsync(reply, Original(PlainOriginal)));
        var read = await ParseAsync(written);

        MimeTestData.Outline(read.Structure).ShouldBe("TEXT multipart/mixed\n  1 multipart/signed\n    1.1 text/plain\n    1.2 application/pkcs7-signature\n  2 text/plain");
        Encoding.UTF8.GetString(written).ShouldContain("--s\r\nContent-Type: text/plain\r\n\r\nSigned text\r\n--s\r\n");
    }
}
