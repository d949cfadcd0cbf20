using System.Text;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Email;
using Eas.Actors.Sync.Email.Reading;
using static Eas.Actors.Tests.Sync.Email.Reading.ReadingTestData;

namespace Eas.Actors.Tests.Sync.Email.Reading;

/// <summary>
/// Broken messages are synced item by item: each one still becomes an item with what could be read, never an
/// exception that would fail the whole Sync.
/// </summary>
public sealed class MalformedMessageTests
{
    [Fact]
    public async Task A_missing_close_delimiter_ends_the_last_part_at_the_end_of_the_message()
    {
        var item = await ReadAsync("""
            Content-Type: multipart/mixed; boundary=x

            --x

            one
            --x

            two
            """);

        item.PlainText!.Text.ShouldBe("one\r\ntwo");
    }

    [Fact]
    public async Task A_multipart_without_a_boundary_parameter_is_shown_as_plain_text()
    {
        var item = await ReadAsync("Content-Type: multipart/mixed\n\n--x\n\nbody\n");

        item.PlainText!.Text.ShouldBe("--x\r\n\r\nbody\r\n");
        item.Attachments.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_boundary_that_never_appears_leaves_a_message_without_body_or_attachments()
    {
        var item = await ReadAsync("Subject: s\nContent-Type: multipart/mixed; boundary=nope\n\nonly preamble\n");

        item.Subject.ShouldBe("s");
        item.PlainText.ShouldBeNull();
        item.Attachments.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_nested_multipart_may_reuse_its_parents_boundary()
    {
        var item = await ReadAsync("""
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
            """);

        item.PlainText!.Text.ShouldBe("plain");
    }

    [Fact]
    public async Task An_unclosed_inner_multipart_ends_at_the_outer_delimiter()
    {
        var stored = await LoadAsync("""
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner

            a
            --outer

            b
            --outer--
            """);

        Outline(stored).ShouldBe("""
            TEXT multipart/mixed
              1 multipart/alternative
                1.1 text/plain
              2 text/plain
            """.ReplaceLineEndings("\n"));
        LeafText(stored, "1.1").ShouldBe("a");
        LeafText(stored, "2").ShouldBe("b");
    }

    [Fact]
    public async Task Text_that_only_starts_like_a_delimiter_is_content()
    {
        var item = await ReadAsync("Content-Type: multipart/mixed; boundary=b\n\n--b\n\n--bee\n--b-- not\n-- b\n--b--\n");

        item.PlainText!.Text.ShouldBe("--bee\r\n--b-- not\r\n-- b");
    }

    [Fact]
    public async Task Raw_8_bit_header_text_is_read_as_utf8_when_valid_else_latin1()
    {
        var bytes = Encoding.UTF8.GetBytes("Subject: Grüße\r\nThread-Topic: ").Concat(new byte[] { 0x47, 0x72, 0xFC, 0xDF, 0x65 })
            .Concat("\r\nFrom: "u8.ToArray()).Concat(new byte[] { 0x4A, 0xF6, 0x72, 0x67 }).Concat(" <j@x.de>\r\n\r\nx"u8.ToArray()).ToArray();

        var item = await ReadAsync(bytes);

        item.Subject.ShouldBe("Grüße");
        item.ThreadTopic.ShouldBe("Grüße");
        item.From.ShouldHaveSingleItem().ShouldBe(new Eas.Actors.Sync.Email.EmailAddress("Jörg", "j@x.de"));
    }

    [Fact]
    public async Task Mixed_CRLF_and_LF_line_ends_are_both_line_ends()
    {
        var item = await ReadAsync(Encoding.ASCII.GetBytes("Content-Type: multipart/mixed; boundary=b\r\n\n--b\n\r\nx\r\n--b--\n"));

        item.PlainText!.Text.ShouldBe("x");
    }

    [Fact]
    public async Task Very_long_lines_in_headers_and_bodies_pass_through_intact()
    {
        var longValue = new string('v', 100_000);
        var longLine = new string('L', 150_000) + "\r" + new string('M', 10);
        var message = $"Subject: {longValue}\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n{longLine}\r\n--b--\r\n";

        var item = await ReadAsync(Encoding.ASCII.GetBytes(message), maxBodyBytes: 1000);

        item.Subject.ShouldBe(longValue);
        item.PlainText!.Size.ShouldBe(longLine.Length);
        item.PlainText.Text.ShouldBe(longLine[..1000]);
    }

    [Fact]
    public async Task An_invalid_Content_Type_falls_back_to_text_plain()
    {
        var item = await ReadAsync("Content-Type: garbage; charset=utf-8\n\nGrüße\n");

        item.PlainText!.Text.ShouldBe("Grüße\r\n");
    }

    [Fact]
    public async Task An_unknown_transfer_encoding_and_broken_base64_and_quoted_printable_still_give_text()
    {
        var item = await ReadAsync("""
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Transfer-Encoding: x-bogus

            as is
            --b
            Content-Transfer-Encoding: base64

            SGVsbG8*!!
            --b
            Content-Transfer-Encoding: quoted-printable

            100=25 =ZZ =4
            --b--
            """);

        item.PlainText!.Text.ShouldStartWith("as is\r\nHel");
        item.PlainText.Text.ShouldEndWith("100% =ZZ ");
    }

    [Fact]
    public async Task Nesting_deeper_than_the_bound_is_read_as_one_part_and_the_item_appears()
    {
        var message = new StringBuilder("Subject: deep\r\n");
        for (var i = 0; i < StoredMessageParserOptions.MaxMimeDepth + 10; i++) message.Append($"Content-Type: multipart/mixed; boundary=b{i}\r\n\r\n--b{i}\r\n");
        message.Append("\r\nleaf\r\n");

        var item = await ReadAsync(Encoding.ASCII.GetBytes(message.ToString()));

        item.Subject.ShouldBe("deep");
        var stored = await StoredMessage.LoadAsync(new MemoryStream(Encoding.ASCII.GetBytes(message.ToString())), CancellationToken.None);
        All(stored.Message.Body!).Count().ShouldBeLessThanOrEqualTo(StoredMessageParserOptions.MaxMimeDepth + 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Subject: only a header")]
    [InlineData("Subject: cut\r\nContent-Type: multipart/mixed; bou")]
    [InlineData("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/pl")]
    [InlineData("\r\n\r\n\r\n")]
    [InlineData("--b\r\n--b--\r\n")]
    [InlineData("Hello there, no header at all\r\n")]
    [InlineData("\0\0\0\u00ff\u00fe binary junk")]
    public async Task Truncated_degenerate_and_headerless_messages_still_become_items(string message)
    {
        var item = await ReadAsync(Encoding.Latin1.GetBytes(message), flags: ["\\Seen"]);

        item.Read.ShouldBeTrue();
        item.DateReceived.ShouldBe(Received.UtcDateTime);
    }

    [Fact]
    public async Task A_leading_mbox_From_line_does_not_hide_the_header()
    {
        var item = await ReadAsync("From ann@example.com Mon Jan  1 00:00:00 2024\nSubject: s\n\nbody\n");

        item.Subject.ShouldBe("s");
        item.PlainText!.Text.ShouldBe("body\r\n");
    }

    [Fact]
    public async Task A_message_with_missing_headers_has_empty_fields()
    {
        var item = await ReadAsync("\nbody only\n");

        item.From.ShouldBeEmpty();
        item.DateSent.ShouldBeNull();
        item.MessageId.ShouldBeNull();
        item.PlainText!.Text.ShouldBe("body only\r\n");
    }

    [Fact]
    public async Task A_generated_corpus_of_broken_messages_never_throws()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var message = BrokenMessages.Build(seed);
            var item = await ReadAsync(message, maxBodyBytes: 200);
            item.ShouldNotBeNull($"seed {seed}");
            foreach (var attachment in item.Attachments) attachment.EstimatedSize.ShouldBeGreaterThanOrEqualTo(0, $"seed {seed}");
        }
    }

    /// <summary>
    /// A message in memory is parsed by MimeKit's synchronous parser, one spooled to a file by its asynchronous one
    /// (<see cref="StoredMessage"/>): broken input gives the same item either way, never an exception from one of them.
    /// </summary>
    [Fact]
    public async Task Broken_messages_read_the_same_from_memory_and_from_a_stream_that_is_not()
    {
        var content = new EmailContentRequest(200, WantHtml: true, WantMime: false);
        for (var seed = 0; seed < 100; seed++)
        {
            var message = BrokenMessages.Build(seed);
            var inMemory = await StoredMessageReader.ReadAsync(new MemoryStream(message), [], Received, content, CancellationToken.None);
            var spooled = await StoredMessageReader.ReadAsync(new BufferedStream(new MemoryStream(message)), [], Received, content, CancellationToken.None);

            Picture(spooled).ShouldBe(Picture(inMemory), $"seed {seed}");
        }
    }

    private static string Picture(EmailItem item) => string.Join("|",
        item.Subject, EmailAddress.Join(item.From, ", "), EmailAddress.Join(item.To, ", "), item.DateSent?.ToString("O"),
        item.PlainText?.Text, item.Html?.Text, string.Join(",", item.Attachments.Select(a => a.FileName + ":" + a.EstimatedSize)));
}
