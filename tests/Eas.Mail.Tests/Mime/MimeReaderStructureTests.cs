using Eas.Mail.Mime;
using static Eas.Mail.Tests.Mime.MimeTestData;

namespace Eas.Mail.Tests.Mime;

/// <summary>The reader on well-formed messages: tree, headers, decoded contents, sizes and line counts.</summary>
public sealed class MimeReaderStructureTests
{
    private const string Mixed = """
        From: Ann <ann@example.com>
        To: bob@example.com
        Subject: Report
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="outer"

        This is the preamble; readers ignore it.
        --outer
        Content-Type: multipart/alternative; boundary=inner

        --inner
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        Caf=C3=A9 at noon=
        , see you.
        --inner
        Content-Type: text/html; charset=utf-8

        <p>Café at noon, see you.</p>
        --inner--
        --outer
        Content-Type: application/pdf; name="report.pdf"
        Content-Disposition: attachment; filename="report.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        JSVFT0YK
        --outer--
        This is the epilogue.
        """;

    [Fact]
    public async Task Nested_multiparts_give_the_tree_in_message_order()
    {
        var result = await ReadAsync(Crlf(Mixed));

        Outline(result.Structure).ShouldBe("""
            TEXT multipart/mixed
              1 multipart/alternative
                1.1 text/plain
                1.2 text/html
              2 application/pdf
            """.ReplaceLineEndings("\n"));
        result.Order.ShouldBe(["1.1", "1.2", "2"]);
        result.Structure.PartCount.ShouldBe(5);
        result.Structure.Headers.GetValue("subject").ShouldBe("Report");
    }

    [Fact]
    public async Task Leaf_contents_are_transfer_decoded_and_end_before_the_delimiter_line_break()
    {
        var result = await ReadAsync(Crlf(Mixed));

        result.Text("1.1").ShouldBe("Café at noon, see you.");
        result.Text("1.2").ShouldBe("<p>Café at noon, see you.</p>");
        result.Text("2").ShouldBe("%PDF-1.4\n%%EOF\n");
    }

    [Fact]
    public async Task Sizes_and_line_counts_are_of_the_encoded_body()
    {
        var result = await ReadAsync(Crlf(Mixed));

        var pdf = result.Part("2");
        pdf.Size.ShouldBe("JVBERi0xLjQK\r\nJSVFT0YK".Length);
        pdf.LineCount.ShouldBe(2);
        var plain = result.Part("1.1");
        plain.Size.ShouldBe("Caf=C3=A9 at noon=\r\n, see you.".Length);
        plain.LineCount.ShouldBe(2);
        result.Structure.Size.ShouldBe(Crlf(Mixed).Length);
    }

    [Fact]
    public async Task The_same_message_with_bare_LF_line_ends_parses_the_same()
    {
        var crlf = await ReadAsync(Crlf(Mixed));
        var lf = await ReadAsync(Lf(Mixed));

        Outline(lf.Structure).ShouldBe(Outline(crlf.Structure));
        lf.Text("1.1").ShouldBe("Café at noon, see you.");
        lf.Text("2").ShouldBe("%PDF-1.4\n%%EOF\n");
        lf.Part("2").Size.ShouldBe("JVBERi0xLjQK\nJSVFT0YK".Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    public async Task Any_split_of_the_input_gives_the_same_result(int chunk)
    {
        var whole = await ReadAsync(Crlf(Mixed));
        var split = await ReadAsync(Crlf(Mixed), chunk);

        Outline(split.Structure).ShouldBe(Outline(whole.Structure));
        foreach (var (specifier, content) in whole.Contents) split.Contents[specifier].ShouldBe(content);
        split.Structure.Parts.Select(p => (p.Size, p.LineCount)).ShouldBe(whole.Structure.Parts.Select(p => (p.Size, p.LineCount)));
    }

    [Fact]
    public async Task A_single_part_message_is_part_1_with_the_message_header()
    {
        var result = await ReadAsync(Crlf("""
            Subject: hello
            Content-Type: text/plain; charset=us-ascii

            line one
            line two
            """));

        result.Structure.Body.PartSpecifier.ShouldBe("1");
        result.Structure.Body.Headers.ShouldBeSameAs(result.Structure.Headers);
        result.Text("1").ShouldBe("line one\r\nline two");
        result.Part("1").LineCount.ShouldBe(2);
    }

    [Fact]
    public async Task A_message_without_Content_Type_is_text_plain_us_ascii()
    {
        var result = await ReadAsync(Crlf("Subject: x\n\nbody\n"));

        result.Structure.Body.ContentType.MimeType.ShouldBe("text/plain");
        result.Structure.Body.ContentType.Charset.ShouldBe("us-ascii");
        result.Text("1").ShouldBe("body\r\n");
        result.Part("1").LineCount.ShouldBe(1);
    }

    [Fact]
    public async Task Header_fields_keep_their_raw_bytes_and_repeats()
    {
        var result = await ReadAsync(Crlf("""
            Received: from a
            Received: from b
              by c
            Subject: =?utf-8?q?caf=C3=A9?=

            x
            """));

        var headers = result.Structure.Headers;
        headers.FindAll("RECEIVED").Select(f => f.Value).ShouldBe(["from a", "from b  by c"]);
        System.Text.Encoding.ASCII.GetString(headers[1].RawBytes.Span).ShouldBe("Received: from b\r\n  by c\r\n");
        headers.GetText("subject").ShouldBe("café");
    }

    [Fact]
    public async Task Digest_parts_default_to_message_rfc822()
    {
        var result = await ReadAsync(Crlf("""
            Content-Type: multipart/digest; boundary=d

            --d

            Subject: first

            one
            --d
            Content-Type: text/plain

            not a message
            --d--
            """));

        Outline(result.Structure).ShouldBe("""
            TEXT multipart/digest
              1 message/rfc822
                1.1 text/plain
              2 text/plain
            """.ReplaceLineEndings("\n"));
        result.Part("1").Children[0].Headers.GetValue("Subject").ShouldBe("first");
        result.Text("1.1").ShouldBe("one");
    }

    [Fact]
    public async Task A_handler_that_reads_nothing_still_gets_every_leaf_and_the_reader_skips_the_rest()
    {
        var seen = new List<string>();
        var structure = await new MimeReader().ReadAsync(new MemoryStream(Crlf(Mixed)), (part, _, _) =>
        {
            seen.Add(part.PartSpecifier);
            return ValueTask.CompletedTask;
        });

        seen.ShouldBe(["1.1", "1.2", "2"]);
        structure.FindPart("2")!.Size.ShouldBe(22);
    }

    [Fact]
    public async Task The_content_stream_cannot_be_used_after_the_handler_returns()
    {
        Stream? kept = null;
        await new MimeReader().ReadAsync(new MemoryStream(Crlf(Mixed)), (_, content, _) =>
        {
            kept ??= content;
            return ValueTask.CompletedTask;
        });

        Should.Throw<ObjectDisposedException>(() => kept!.ReadByte());
    }

    [Fact]
    public async Task Synchronous_reads_of_the_content_work_too()
    {
        var texts = new List<string>();
        await new MimeReader().ReadAsync(new TrickleStream(Crlf(Mixed), 5), (_, content, _) =>
        {
            using var reader = new StreamReader(content, leaveOpen: true);
            texts.Add(reader.ReadToEnd());
            return ValueTask.CompletedTask;
        });

        texts[0].ShouldBe("Café at noon, see you.");
    }
}
