using Eas.Mail.Mime;
using static Eas.Mail.Tests.Mime.MimeTestData;

namespace Eas.Mail.Tests.Mime;

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
    public async Task The_RFC_3501_example_numbers_as_the_RFC_lists_it()
    {
        var result = await ReadAsync(Crlf(Rfc3501Example));

        Outline(result.Structure).ShouldBe("""
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
        foreach (var leaf in result.Order) result.Text(leaf).ShouldBe("part " + leaf);
    }

    [Fact]
    public async Task Find_part_returns_the_message_part_not_its_body_for_a_shared_number()
    {
        var result = await ReadAsync(Crlf(Rfc3501Example));

        result.Structure.FindPart("3")!.Kind.ShouldBe(MimePartKind.Message);
        result.Structure.FindPart("4.2")!.ContentType.MimeType.ShouldBe("message/rfc822");
        result.Structure.FindPart("4")!.Kind.ShouldBe(MimePartKind.Multipart);
        result.Structure.FindPart("")!.ContentType.MimeType.ShouldBe("multipart/mixed");
        result.Structure.FindPart("5").ShouldBeNull();
    }

    [Fact]
    public async Task An_encapsulated_message_with_a_single_part_body_has_that_body_as_n_dot_1()
    {
        var result = await ReadAsync(Crlf("""
            Content-Type: multipart/mixed; boundary=a

            --a

            intro
            --a
            Content-Type: message/rfc822

            Subject: forwarded
            Content-Type: text/html

            <b>hi</b>
            --a--
            """));

        result.Order.ShouldBe(["1", "2.1"]);
        result.Text("2.1").ShouldBe("<b>hi</b>");
        result.Part("2").Children[0].PartSpecifier.ShouldBe("2.1");
    }

    [Fact]
    public async Task A_top_level_message_rfc822_body_is_1_and_its_text_1_dot_1()
    {
        var result = await ReadAsync(Crlf("""
            Content-Type: message/rfc822

            Subject: inner

            inner text
            """));

        result.Structure.Body.PartSpecifier.ShouldBe("1");
        result.Structure.Body.Kind.ShouldBe(MimePartKind.Message);
        result.Order.ShouldBe(["1.1"]);
    }

    [Fact]
    public async Task A_message_rfc822_part_in_base64_is_a_leaf_and_is_not_numbered_inside()
    {
        var result = await ReadAsync(Crlf("""
            Content-Type: multipart/mixed; boundary=a

            --a
            Content-Type: message/rfc822
            Content-Transfer-Encoding: base64

            U3ViamVjdDogeAoKeQo=
            --a--
            """));

        result.Part("1").Kind.ShouldBe(MimePartKind.Leaf);
        result.Text("1").ShouldBe("Subject: x\n\ny\n");
    }

    [Fact]
    public async Task Sizes_of_message_parts_cover_the_whole_encapsulated_message()
    {
        var result = await ReadAsync(Crlf(Rfc3501Example));

        var part3 = result.Part("3");
        var inner = "Subject: part 3\r\nContent-Type: MULTIPART/MIXED; boundary=b\r\n\r\n--b\r\nContent-Type: TEXT/PLAIN\r\n\r\npart 3.1\r\n" +
                    "--b\r\nContent-Type: APPLICATION/OCTET-STREAM\r\n\r\npart 3.2\r\n--b--";
        part3.Size.ShouldBe(inner.Length);
        part3.LineCount.ShouldBe(12);
        part3.Children[0].Size.ShouldBe(inner.Length - "Subject: part 3\r\nContent-Type: MULTIPART/MIXED; boundary=b\r\n\r\n".Length);
    }
}
