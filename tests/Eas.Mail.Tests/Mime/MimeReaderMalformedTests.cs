using System.Text;
using Eas.Mail.Mime;
using static Eas.Mail.Tests.Mime.MimeTestData;

namespace Eas.Mail.Tests.Mime;

/// <summary>Broken messages the reader must take the way mail clients do, without throwing.</summary>
public sealed class MimeReaderMalformedTests
{
    [Fact]
    public async Task A_missing_close_delimiter_ends_the_last_part_at_the_end_of_the_message()
    {
        var result = await ReadAsync(Crlf("""
            Content-Type: multipart/mixed; boundary=x

            --x

            one
            --x

            two
            """));

        result.Order.ShouldBe(["1", "2"]);
        result.Text("2").ShouldBe("two");
    }

    [Fact]
    public async Task A_multipart_without_a_boundary_parameter_is_a_leaf()
    {
        var result = await ReadAsync(Crlf("Content-Type: multipart/mixed\n\n--x\n\nbody\n"));

        result.Structure.Body.Kind.ShouldBe(MimePartKind.Leaf);
        result.Structure.Body.PartSpecifier.ShouldBe("1");
        result.Text("1").ShouldBe("--x\r\n\r\nbody\r\n");
    }

    [Fact]
    public async Task A_boundary_that_never_appears_leaves_a_multipart_without_parts()
    {
        var result = await ReadAsync(Crlf("Content-Type: multipart/mixed; boundary=nope\n\nonly preamble\n"));

        result.Structure.Body.Kind.ShouldBe(MimePartKind.Multipart);
        result.Structure.Body.Children.ShouldBeEmpty();
        result.Structure.Body.Size.ShouldBe("only preamble\r\n".Length);
    }

    [Fact]
    public async Task Two_delimiters_in_a_row_make_an_empty_part_without_header()
    {
        var result = await ReadAsync(Crlf("""
            Content-Type: multipart/mixed; boundary=x

            --x
            --x
            Content-Type: text/html

            <i>b</i>
            --x--
            """));

        result.Order.ShouldBe(["1", "2"]);
        result.Part("1").Headers.Count.ShouldBe(0);
        result.Part("1").ContentType.MimeType.ShouldBe("text/plain");
        result.Contents["1"].ShouldBeEmpty();
        result.Part("1").Size.ShouldBe(0);
        result.Text("2").ShouldBe("<i>b</i>");
    }

    [Fact]
    public async Task A_nested_multipart_may_reuse_its_parents_boundary()
    {
        var result = await ReadAsync(Crlf("""
            Content-Type: multipart/mixed; boundary=same

            --same
            Content-Type: multipart/alternative; boundary=same

            --same

            plain
            --same--
            --same
            Content-Type: image/png

            png
            --same--
            """));

        Outline(result.Structure).ShouldBe("""
            TEXT multipart/mixed
              1 multipart/alternative
                1.1 text/plain
              2 image/png
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Delimiters_with_trailing_blanks_and_a_boundary_parameter_with_trailing_blanks_match()
    {
        var result = await ReadAsync(Crlf("Content-Type: multipart/mixed; boundary=\"b  \"\n\n--b \t\n\none\n--b--  \n"));

        result.Order.ShouldBe(["1"]);
        result.Text("1").ShouldBe("one");
    }

    [Fact]
    public async Task A_boundary_is_not_matched_by_a_longer_one_it_prefixes()
    {
        var result = await ReadAsync(Crlf("""
            Content-Type: multipart/mixed; boundary=abc

            --abc
            Content-Type: multipart/alternative; boundary=abc-1

            --abc-1

            inner
            --abc-1--
            --abc

            outer
            --abc--
            """));

        result.Order.ShouldBe(["1.1", "2"]);
    }

    [Fact]
    public async Task Text_that_only_starts_like_a_delimiter_is_content()
    {
        var result = await ReadAsync(Crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\n\n--bee\n--b-- not\n-- b\n--b--\n"));

        result.Text("1").ShouldBe("--bee\r\n--b-- not\r\n-- b");
    }

    [Fact]
    public async Task An_unclosed_inner_multipart_ends_at_the_outer_delimiter()
    {
        var result = await ReadAsync(Crlf("""
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner

            a
            --outer

            b
            --outer--
            """));

        Outline(result.Structure).ShouldBe("""
            TEXT multipart/mixed
              1 multipart/alternative
                1.1 text/plain
              2 text/plain
            """.ReplaceLineEndings("\n"));
        result.Text("1.1").ShouldBe("a");
        result.Text("2").ShouldBe("b");
    }

    [Fact]
    public async Task Delimiters_after_the_close_delimiter_are_epilogue()
    {
        var result = await ReadAsync(Crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b--\n--b\n\nghost\n"));

        result.Order.ShouldBe(["1"]);
    }

    [Fact]
    public async Task A_part_that_starts_with_body_text_instead_of_a_header_has_no_header()
    {
        var result = await ReadAsync(Crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\nHello there\nsecond line\n--b--\n"));

        result.Part("1").Headers.Count.ShouldBe(0);
        result.Text("1").ShouldBe("Hello there\r\nsecond line");
    }

    [Fact]
    public async Task A_line_without_a_colon_inside_a_header_is_kept_and_parsing_goes_on()
    {
        var result = await ReadAsync(Crlf("Subject: a\nthis is not a field\nContent-Type: text/html\n\n<p>x</p>\n"));

        result.Structure.Body.ContentType.MimeType.ShouldBe("text/html");
        result.Structure.Headers[1].Name.ShouldBe(string.Empty);
        result.Structure.Headers[1].Value.ShouldBe("this is not a field");
    }

    [Fact]
    public async Task A_leading_mbox_From_line_is_skipped()
    {
        var result = await ReadAsync(Crlf("From ann@example.com Mon Jan  1 00:00:00 2024\nSubject: s\n\nbody\n"));

        result.Structure.Headers.GetValue("Subject").ShouldBe("s");
        result.Structure.Headers.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_From_field_with_a_blank_before_its_colon_is_a_field_not_an_mbox_line()
    {
        var result = await ReadAsync(Crlf("From : ann@example.com\nSubject: s\n\nbody\n"));

        result.Structure.Headers.GetValue("From").ShouldBe("ann@example.com");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Subject: only a header")]
    [InlineData("Subject: cut\r\nContent-Type: multipart/mixed; bou")]
    [InlineData("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/pl")]
    [InlineData("\r\n\r\n\r\n")]
    [InlineData("--b\r\n--b--\r\n")]
    public async Task Truncated_and_degenerate_messages_parse(string message)
    {
        var result = await ReadAsync(Encoding.ASCII.GetBytes(message));

        result.Structure.Size.ShouldBe(message.Length);
    }

    [Fact]
    public async Task Raw_8_bit_header_text_is_read_as_utf8_when_valid_else_latin1()
    {
        var bytes = Encoding.UTF8.GetBytes("Subject: Grüße\r\nX-Latin: ").Concat(new byte[] { 0x47, 0x72, 0xFC, 0xDF, 0x65 })
            .Concat("\r\n\r\nx"u8.ToArray()).ToArray();

        var result = await ReadAsync(bytes);

        result.Structure.Headers.GetValue("Subject").ShouldBe("Grüße");
        result.Structure.Headers.GetValue("X-Latin").ShouldBe("Grüße");
    }

    [Fact]
    public async Task Mixed_CRLF_and_LF_line_ends_are_both_line_ends()
    {
        var message = "Content-Type: multipart/mixed; boundary=b\r\n\n--b\n\r\nx\r\n--b--\n";
        var result = await ReadAsync(Encoding.ASCII.GetBytes(message));

        result.Text("1").ShouldBe("x");
    }

    [Fact]
    public async Task Lines_longer_than_the_buffer_pass_through_intact()
    {
        var longValue = new string('v', 100_000);
        var longLine = new string('L', 150_000) + "\r" + new string('M', 10);
        var message = $"X-Long: {longValue}\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n{longLine}\r\n--b--\r\n";

        var result = await ReadAsync(Encoding.ASCII.GetBytes(message));

        result.Structure.Headers.GetValue("X-Long").ShouldBe(longValue);
        result.Text("1").ShouldBe(longLine);
    }

    [Fact]
    public async Task An_invalid_Content_Type_falls_back_to_text_plain()
    {
        var result = await ReadAsync(Crlf("Content-Type: garbage; charset=utf-8\n\nx\n"));

        result.Structure.Body.ContentType.MimeType.ShouldBe("text/plain");
        result.Structure.Body.ContentType.Charset.ShouldBe("utf-8");
    }

    [Fact]
    public async Task Nesting_beyond_the_depth_limit_raises_MimeFormatException()
    {
        var message = new StringBuilder();
        for (var i = 0; i < 10; i++) message.Append($"Content-Type: multipart/mixed; boundary=b{i}\r\n\r\n--b{i}\r\n");
        message.Append("\r\nleaf\r\n");

        var error = await Should.ThrowAsync<MimeFormatException>(() => ReadAsync(Encoding.ASCII.GetBytes(message.ToString()), limits: new MimeLimits { MaxDepth = 5 }));

        error.Reason.ShouldContain("deeper than 5");
    }

    [Fact]
    public async Task More_parts_than_the_limit_raise_MimeFormatException()
    {
        var message = "Content-Type: multipart/mixed; boundary=b\r\n\r\n" + string.Concat(Enumerable.Repeat("--b\r\n\r\nx\r\n", 20));

        await Should.ThrowAsync<MimeFormatException>(() => ReadAsync(Encoding.ASCII.GetBytes(message), limits: new MimeLimits { MaxParts = 10 }));
    }

    [Fact]
    public async Task A_header_block_over_the_limit_raises_MimeFormatException()
    {
        var message = string.Concat(Enumerable.Repeat("X-Filler: 0123456789\r\n", 100)) + "\r\nbody";

        var error = await Should.ThrowAsync<MimeFormatException>(() => ReadAsync(Encoding.ASCII.GetBytes(message), limits: new MimeLimits { MaxHeaderBytes = 1000 }));

        error.Offset.ShouldBeGreaterThan(900);
    }
}
