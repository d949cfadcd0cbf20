using Eas.Actors.Sync.Email.Reading;
using static Eas.Actors.Tests.Sync.Email.Reading.ReadingTestData;

namespace Eas.Actors.Tests.Sync.Email.Reading;

/// <summary>
/// Part specifiers as an IMAP server numbers them in BODYSTRUCTURE and BODY[n] (RFC 3501 section 6.4.5), which
/// is what a FETCH of one attachment will use. Each expectation is derived from that section's rules: parts of
/// a multipart count from 1; a message/rfc822 part's multipart body shares the part's number and its parts
/// continue from it; a non-multipart body of a message (top-level or encapsulated) is part 1 of that message.
/// </summary>
public sealed class ImapPartNumberingTests
{
    /// <summary>The structure of the example in RFC 3501 section 6.4.5, written out as a message.</summary>
    private const string Rfc3501Example = """
        Subject: numbering
        Content-Type: MULTIPART/MIXED; boundary=a

        --a
        Content-Type: TEXT/PLAIN

        part 1
        --a
        Content-Type: APPLICATION/OCTET-STREAM

        part 2
        --a
        Content-Type: MESSAGE/RFC822

        Subject: part 3
        Content-Type: MULTIPART/MIXED; boundary=b

        --b
        Content-Type: TEXT/PLAIN

        part 3.1
        --b
        Content-Type: APPLICATION/OCTET-STREAM

        part 3.2
        --b--
        --a
        Content-Type: MULTIPART/MIXED; boundary=c

        --c
        Content-Type: IMAGE/GIF

        part 4.1
        --c
        Content-Type: MESSAGE/RFC822

        Subject: part 4.2
        Content-Type: MULTIPART/MIXED; boundary=d

        --d
        Content-Type: TEXT/PLAIN

        part 4.2.1
        --d
        Content-Type: MULTIPART/ALTERNATIVE; boundary=e

        --e
        Content-Type: TEXT/PLAIN

        part 4.2.2.1
        --e
        Content-Type: TEXT/RICHTEXT

        part 4.2.2.2
        --e--
        --d--
        --c--
        --a--
        """;

    [Fact]
    public async Task A_buffer_in_memory_and_one_that_is_not_parse_to_the_same_tree()
    {
        // Memory is parsed by MimeKit's synchronous parser, any other buffer (a temporary file) by its asynchronous one.
        var bytes = Crlf(Rfc3501Example);
        var inMemory = await StoredMessage.LoadAsync(new MemoryStream(bytes), CancellationToken.None);
        var notInMemory = await StoredMessage.LoadAsync(new BufferedStream(new MemoryStream(bytes)), CancellationToken.None);

        Outline(notInMemory).ShouldBe(Outline(inMemory));
        foreach (var number in new[] { "1", "3.1", "4.2.1", "4.2.2.1", "4.2.2.2" }) LeafText(notInMemory, number).ShouldBe(LeafText(inMemory, number));
        foreach (var (a, b) in inMemory.Message.BodyParts.Zip(notInMemory.Message.BodyParts)) notInMemory.Extent(b).ShouldBe(inMemory.Extent(a));
    }

    [Fact]
    public async Task The_RFC_3501_example_numbers_as_the_RFC_lists_it()
    {
        var stored = await LoadAsync(Rfc3501Example);

        Outline(stored).ShouldBe("""
            TEXT multipart/mixed
              1 text/plain
              2 application/octet-stream
              3 message/rfc822
                3 multipart/mixed
                  3.1 text/plain
                  3.2 application/octet-stream
              4 multipart/mixed
                4.1 image/gif
                4.2 message/rfc822
                  4.2 multipart/mixed
                    4.2.1 text/plain
                    4.2.2 multipart/alternative
                      4.2.2.1 text/plain
                      4.2.2.2 text/richtext
            """.ReplaceLineEndings("\n"));
        foreach (var number in new[] { "1", "3.1", "4.2.1", "4.2.2.1", "4.2.2.2" }) LeafText(stored, number).ShouldBe("part " + number);
    }

    [Fact]
    public async Task Attachments_carry_the_specifiers_of_the_parts_an_IMAP_FETCH_names()
    {
        var item = await ReadAsync(Rfc3501Example);

        item.Attachments.Select(a => (a.FileReference, a.ContentType)).ShouldBe([
            ("2", "application/octet-stream"),
            ("3", "message/rfc822"),
            ("4.1", "image/gif"),
            ("4.2", "message/rfc822"),
        ]);
        item.Attachments[1].FileName.ShouldBe("part 3.eml");
        item.PlainText!.Text.ShouldBe("part 1");
    }

    [Fact]
    public async Task An_encapsulated_message_with_a_single_part_body_has_that_body_as_n_dot_1()
    {
        var stored = await LoadAsync("""
            Content-Type: multipart/mixed; boundary=a

            --a

            intro
            --a
            Content-Type: message/rfc822

            Subject: forwarded
            Content-Type: text/html

            <b>hi</b>
            --a--
            """);

        Outline(stored).ShouldBe("""
            TEXT multipart/mixed
              1 text/plain
              2 message/rfc822
                2.1 text/html
            """.ReplaceLineEndings("\n"));
        LeafText(stored, "2.1").ShouldBe("<b>hi</b>");
    }

    [Fact]
    public async Task A_single_part_message_has_its_body_as_part_1()
    {
        var stored = await LoadAsync("Subject: s\n\nbody\n");

        Outline(stored).ShouldBe("1 text/plain");
    }

    [Fact]
    public async Task A_top_level_message_rfc822_body_is_1_and_its_text_1_dot_1()
    {
        var stored = await LoadAsync("""
            Content-Type: message/rfc822

            Subject: inner

            inner text
            """);

        Outline(stored).ShouldBe("1 message/rfc822\n  1.1 text/plain");
    }

    [Fact]
    public async Task A_message_rfc822_part_in_base64_is_a_leaf_and_is_not_numbered_inside()
    {
        var item = await ReadAsync("""
            Content-Type: multipart/mixed; boundary=a

            --a
            Content-Type: message/rfc822
            Content-Transfer-Encoding: base64

            U3ViamVjdDogeAoKeQo=
            --a--
            """);

        var attachment = item.Attachments.ShouldHaveSingleItem();
        attachment.FileReference.ShouldBe("1");
        attachment.EstimatedSize.ShouldBe(15);
    }

    [Fact]
    public async Task An_empty_part_between_two_delimiters_keeps_its_number_though_MimeKit_drops_it()
    {
        var message = """
            Content-Type: multipart/mixed; boundary=x

            --x
            --x
            Content-Type: text/html

            <i>b</i>
            --x
            --x 	
            --x
            Content-Type: image/png

            png
            --x--
            """;

        var stored = await LoadAsync(message);
        var item = await ReadAsync(message);

        Outline(stored).ShouldBe("TEXT multipart/mixed\n  2 text/html\n  5 image/png");
        item.Html!.Text.ShouldBe("<i>b</i>");
        item.Attachments.ShouldHaveSingleItem().FileReference.ShouldBe("5");
    }

    [Fact]
    public async Task A_multipart_without_a_boundary_is_numbered_as_a_single_part()
    {
        var stored = await LoadAsync("Content-Type: multipart/mixed\n\n--x\n\nbody\n");

        Outline(stored).ShouldBe("1 multipart/mixed");
        ImapPartNumbers.IsSplitMultipart(stored.Message.Body!).ShouldBeFalse();
    }
}
