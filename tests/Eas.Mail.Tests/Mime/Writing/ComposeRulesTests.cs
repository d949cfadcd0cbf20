using System.Text;
using Eas.Mail.Mime;
using Eas.Mail.Mime.Writing;

namespace Eas.Mail.Tests.Mime.Writing;

/// <summary>The pieces composition rests on: RFC 5322 threading, HTML insertion points, format=flowed, header folding.</summary>
public sealed class ComposeRulesTests
{
    [Fact]
    public void References_are_the_parents_References_then_its_Message_ID()
    {
        var parent = new MessageEnvelope { MessageId = "p@x", References = ["r1@x", "r2@x"], InReplyTo = ["r2@x"] };

        ThreadingHeaders.References(parent).ShouldBe(["r1@x", "r2@x", "p@x"]);
        ThreadingHeaders.InReplyTo(parent).ShouldBe(["p@x"]);
    }

    [Fact]
    public void Without_References_a_single_In_Reply_To_starts_the_chain_and_several_do_not()
    {
        ThreadingHeaders.References(new MessageEnvelope { MessageId = "p@x", InReplyTo = ["q@x"] }).ShouldBe(["q@x", "p@x"]);
        ThreadingHeaders.References(new MessageEnvelope { MessageId = "p@x", InReplyTo = ["q@x", "s@x"] }).ShouldBe(["p@x"]);
    }

    [Fact]
    public void A_parent_without_any_id_gives_no_threading_fields()
    {
        var parent = new MessageEnvelope();

        ThreadingHeaders.References(parent).ShouldBeEmpty();
        ThreadingHeaders.InReplyTo(parent).ShouldBeEmpty();
        ThreadingHeaders.Field("References", ThreadingHeaders.References(parent)).ShouldBeNull();
    }

    [Fact]
    public void A_long_chain_keeps_its_root_and_the_latest_ids()
    {
        var chain = Enumerable.Range(1, 80).Select(i => $"id{i}@example.org").ToList();

        var references = ThreadingHeaders.References(new MessageEnvelope { MessageId = "last@example.org", References = chain });

        references.Count.ShouldBe(ThreadingHeaders.MaxReferences);
        references[0].ShouldBe("id1@example.org");
        references[1].ShouldBe("id33@example.org");
        references[^1].ShouldBe("last@example.org");
        var field = ThreadingHeaders.Field("References", references)!;
        field.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(line => line.Length <= 78);
        MessageIds.Parse(field["References:".Length..].Replace("\r\n", string.Empty)).ShouldBe(references);
    }

    [Theory]
    [InlineData("<html><body><p>x</p>|</body></html>")]
    [InlineData("<p>x</p><BODY-not>|")]
    [InlineData("<html><p>x</p>|</HTML >")]
    [InlineData("<p>x</body><p>late</p>|</body >")]
    public void Text_goes_before_the_last_body_end_tag(string marked)
    {
        HtmlDocument.InsertionPoint(marked.Replace("|", string.Empty)).ShouldBe(marked.IndexOf('|'));
    }

    [Theory]
    [InlineData("<html><head><title>t</title></head><body bgcolor=white><p>x</p></body></html>", "<p>x</p>")]
    [InlineData("<html><head><style>p{}</style></head><p>x</p></html>", "<p>x</p>")]
    [InlineData("<p>x</p>", "<p>x</p>")]
    [InlineData("<bodyguard>not a body</bodyguard>", "<bodyguard>not a body</bodyguard>")]
    public void The_body_content_of_a_document_is_what_gets_quoted(string html, string content)
    {
        HtmlDocument.BodyContent(html).ToString().ShouldBe(content);
    }

    [Theory]
    [InlineData("<meta charset=\"iso-8859-1\"><body>charset=latin1</body>", "<meta charset=\"utf-8\"><body>charset=latin1</body>")]
    [InlineData("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\">", "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=utf-8\">")]
    [InlineData("<meta name=x><p>no charset</p>", "<meta name=x><p>no charset</p>")]
    public void Meta_charsets_are_made_utf_8(string html, string expected)
    {
        HtmlDocument.WithUtf8Charset(html).ShouldBe(expected);
    }

    [Theory]
    [InlineData("soft \r\nbreak", false, "soft break")]
    [InlineData("soft \r\nbreak", true, "softbreak")]
    [InlineData(" From stuffed\r\n", false, "From stuffed\r\n")]
    [InlineData("> a \r\n>> b\r\n", false, "> a \r\n>> b\r\n")]
    [InlineData("sig\r\n-- \r\nMe", false, "sig\r\n-- \r\nMe")]
    public void Flowed_text_is_joined_as_RFC_3676_says(string flowed, bool deleteSpace, string text)
    {
        FlowedText.Unflow(flowed, deleteSpace).ShouldBe(text);
    }

    [Fact]
    public void Made_header_fields_fold_at_blanks_within_78_characters()
    {
        var value = string.Join(' ', Enumerable.Range(0, 30).Select(i => $"word{i}"));

        var field = HeaderText.Field("X-Test", value);

        field.ShouldEndWith("\r\n");
        field.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(line => line.Length <= 78);
        field.Replace("\r\n ", " ").ShouldBe("X-Test: " + value + "\r\n");
    }

    [Fact]
    public void Dates_are_written_in_the_RFC_5322_form()
    {
        HeaderText.Date(new DateTimeOffset(2019, 1, 2, 3, 4, 5, TimeSpan.FromMinutes(-330))).ShouldBe("Wed, 02 Jan 2019 03:04:05 -0530");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16 * 1024 - 3)]
    [InlineData(16 * 1024 - 1)]
    [InlineData(16 * 1024)]
    [InlineData(40 * 1024)]
    public async Task A_marker_is_found_wherever_it_falls_in_a_streamed_original(int at)
    {
        var bytes = new byte[48 * 1024];
        bytes.AsSpan().Fill((byte)'a');
        "MARKER"u8.CopyTo(bytes.AsSpan(at));
        var source = new StreamSource(new MemoryStream(bytes));

        (await source.ScanAsync(0, bytes.Length, "MARKER"u8.ToArray(), default)).ShouldBe(new ScanResult(true, false));
        (await source.ScanAsync(0, bytes.Length, "MARKEX"u8.ToArray(), default)).ShouldBe(new ScanResult(false, false));
        (await source.ScanAsync(at + 1, bytes.Length - at - 1, "MARKER"u8.ToArray(), default)).ContainsMarker.ShouldBeFalse();
    }

    [Fact]
    public async Task Copies_make_line_ends_CRLF_even_when_a_CR_LF_is_split_between_reads()
    {
        var text = new string('a', 16 * 1024 - 1) + "\r\n" + "b\nc\rd\r";
        var destination = new MemoryStream();
        var output = new MimeOutput(destination);

        await new StreamSource(new MemoryStream(Encoding.ASCII.GetBytes(text))).CopyToAsync(output, 0, text.Length, default);
        await output.FlushAsync(default);

        Encoding.ASCII.GetString(destination.ToArray()).ShouldBe(new string('a', 16 * 1024 - 1) + "\r\nb\r\nc\r\nd\r\n");
    }
}
