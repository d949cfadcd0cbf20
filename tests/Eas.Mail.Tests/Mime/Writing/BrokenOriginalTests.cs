using System.Text;
using Eas.Mail.Mime;
using Eas.Mail.Mime.Writing;
using static Eas.Mail.Tests.Mime.Writing.WritingKit;

namespace Eas.Mail.Tests.Mime.Writing;

/// <summary>Originals that cannot be quoted still compose: they are attached whole as message/rfc822.</summary>
public sealed class BrokenOriginalTests
{
    private const string Reply = "From: me@example.com\nTo: ann@example.org\nSubject: Re: deep\n\nMy answer\n";

    private const string Deep = """
        From: Ann <ann@example.org>
        Subject: =?utf-8?Q?Tief_verschachtelt_=C3=BC?=
        Message-ID: <deep@example.org>
        Content-Type: multipart/mixed; boundary=a

        --a
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: multipart/mixed; boundary=c

        --c
        Content-Type: text/plain; charset=iso-8859-1
        Content-Transfer-Encoding: 8bit

        Gr\xfc\xdfe
        --c--
        --b--
        --a--
        """;

    [Fact]
    public async Task An_original_beyond_a_reader_bound_is_attached_whole_as_message_rfc822()
    {
        var original = Latin1(Deep);
        var options = new SmartComposeOptions { OriginalLimits = MimeLimits.Default with { MaxDepth = 1 } };

        var composed = await SmartComposer.ReplyAsync(await ReadAsync(Reply), new MemoryStream(original), options);
        var written = await WriteAsync(composed);
        var read = await ParseAsync(written);

        read.Structure.Parts.Select(p => p.PartSpecifier + " " + p.ContentType.MimeType).Take(3)
            .ShouldBe([" multipart/mixed", "1 text/plain", "2 message/rfc822"]);
        TextOf(read, "1").ShouldBe("My answer\r\n");
        var attached = read.Part("2");
        attached.FileName.ShouldBe("Tief verschachtelt ü.eml");
        attached.TransferEncoding.ShouldBe(TransferEncoding.EightBit);
        written.AsSpan((int)attached.BodyOffset, (int)attached.Size).ToArray().ShouldBe(original);
        composed.InReplyTo.ShouldBe(["deep@example.org"]);
    }

    [Fact]
    public async Task An_original_with_more_text_than_may_be_quoted_is_attached_instead()
    {
        var text = string.Concat(Enumerable.Repeat(new string('x', 100) + "\r\n", 50));
        var original = Encoding.ASCII.GetBytes("Subject: long\r\nMessage-ID: <long@example.org>\r\n\r\n" + text);
        var options = new SmartComposeOptions { MaxQuotedTextBytes = 4096 };

        var read = await ParseAsync(await WriteAsync(await SmartComposer.ForwardAsync(await ReadAsync(Reply), new MemoryStream(original), options)));

        MimeTestData.Outline(read.Structure).ShouldBe("TEXT multipart/mixed\n  1 text/plain\n  2 message/rfc822\n    2.1 text/plain");
        read.Part("2").TransferEncoding.ShouldBe(TransferEncoding.SevenBit);
        read.Part("2").FileName.ShouldBe("long.eml");
        read.Text("2.1").ShouldBe(text);
    }

    [Fact]
    public async Task Broken_mime_the_reader_tolerates_is_quoted_and_forwarded_as_far_as_it_goes()
    {
        var original = MimeTestData.Crlf("""
            From: ann@example.org
            Subject: broken
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            Hello
            --b
            Content-Type: application/octet-stream
            Content-Transfer-Encoding: base64

            AAEC
            """);

        var read = await ParseAsync(await WriteAsync(await SmartComposer.ForwardAsync(await ReadAsync(Reply), new MemoryStream(original))));

        MimeTestData.Outline(read.Structure).ShouldBe("TEXT multipart/mixed\n  1 text/plain\n  2 application/octet-stream");
        TextOf(read, "1").ShouldBe("My answer\r\n\r\n-----Original Message-----\r\nFrom: ann@example.org\r\nSubject: broken\r\n\r\nHello");
        read.Contents["2"].ShouldBe([0, 1, 2]);
    }

    [Fact]
    public async Task A_non_seekable_original_is_refused()
    {
        var reply = await ReadAsync(Reply);

        await Should.ThrowAsync<ArgumentException>(() => SmartComposer.ReplyAsync(reply, new TrickleStream(Latin1(Deep), 10)));
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text.Replace("\\xfc", "\u00fc").Replace("\\xdf", "\u00df").ReplaceLineEndings("\r\n"));
}
