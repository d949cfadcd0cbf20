using Eas.Mail.Imap;
using Eas.Mail.Imap.Fetch;
using Eas.Mail.Imap.Protocol;
using static Eas.Mail.Tests.Imap.Fetch.FetchParsing;

namespace Eas.Mail.Tests.Imap.Fetch;

public sealed class ImapBodyStructureParserTests
{
    [Fact]
    public async Task Single_text_part_is_part_1_with_full_extension_data()
    {
        var body = await BodyAsync(
            "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\" \"format\" \"flowed\") \"<id@x>\" \"A note\" \"QUOTED-PRINTABLE\" 1234 56 " +
            "\"Q2hlY2s=\" (\"inline\" NIL) (\"de\" \"en\") \"http://example.com/a\")");

        var part = body.ShouldBeOfType<ImapBasicPart>();
        part.PartSpecifier.ShouldBe("1");
        part.ContentType.ShouldBe("text/plain");
        part.Is("text", "plain").ShouldBeTrue();
        part.Parameters["charset"].ShouldBe("utf-8");
        part.Parameters["FORMAT"].ShouldBe("flowed");
        part.Id.ShouldBe("<id@x>");
        part.Description.ShouldBe("A note");
        part.Encoding.ShouldBe("QUOTED-PRINTABLE");
        part.Size.ShouldBe(1234UL);
        part.Lines.ShouldBe(56UL);
        part.Md5.ShouldBe("Q2hlY2s=");
        part.Disposition.ShouldNotBeNull().Type.ShouldBe("inline");
        part.Disposition.Parameters.ShouldBeEmpty();
        part.Languages.ShouldBe(["de", "en"]);
        part.Location.ShouldBe("http://example.com/a");
        part.IsAttachment.ShouldBeFalse();
    }

    [Fact]
    public async Task Nested_multiparts_are_numbered_as_rfc_3501_section_6_4_5()
    {
        var body = await BodyAsync(
            "((((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 10 1 NIL NIL NIL NIL)" +
            "(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 20 2 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"in\") NIL NIL NIL)" +
            "(\"image\" \"png\" (\"name\" \"logo.png\") \"<logo@x>\" NIL \"base64\" 300 NIL (\"inline\" (\"filename\" \"logo.png\")) NIL NIL)" +
            " \"related\" (\"boundary\" \"rel\" \"type\" \"multipart/alternative\") NIL NIL NIL)" +
            "(\"application\" \"pdf\" (\"name\" \"a.pdf\") NIL NIL \"base64\" 4000 NIL (\"attachment\" (\"filename\" \"Rechnung.pdf\" \"size\" \"2900\")) \"en\" NIL)" +
            " \"mixed\" (\"boundary\" \"out\") NIL NIL NIL)");

        var root = body.ShouldBeOfType<ImapMultipart>();
        root.PartSpecifier.ShouldBe("");
        root.ContentType.ShouldBe("multipart/mixed");
        root.Parameters["boundary"].ShouldBe("out");
        root.Parts.Count.ShouldBe(2);
        var related = root.Parts[0].ShouldBeOfType<ImapMultipart>();
        related.PartSpecifier.ShouldBe("1");
        related.Parameters["type"].ShouldBe("multipart/alternative");
        var alternative = related.Parts[0].ShouldBeOfType<ImapMultipart>();
        alternative.PartSpecifier.ShouldBe("1.1");
        alternative.Parts.Select(part => part.PartSpecifier).ShouldBe(["1.1.1", "1.1.2"]);
        alternative.Parts[1].ContentType.ShouldBe("text/html");
        var image = related.Parts[1].ShouldBeOfType<ImapBasicPart>();
        image.PartSpecifier.ShouldBe("1.2");
        image.Id.ShouldBe("<logo@x>");
        image.Lines.ShouldBeNull();
        image.FileName.ShouldBe("logo.png");
        var pdf = root.Parts[1].ShouldBeOfType<ImapBasicPart>();
        pdf.PartSpecifier.ShouldBe("2");
        pdf.IsAttachment.ShouldBeTrue();
        pdf.FileName.ShouldBe("Rechnung.pdf");
        pdf.Disposition!.Parameters["SIZE"].ShouldBe("2900");
        pdf.Languages.ShouldBe(["en"]);
        body.EnumerateParts().Select(part => part.PartSpecifier).ShouldBe(["", "1", "1.1", "1.1.1", "1.1.2", "1.2", "2"]);
    }

    [Fact]
    public async Task Attached_messages_number_their_parts_below_their_own()
    {
        var body = await BodyAsync(
            "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 4 1 NIL NIL NIL NIL)" +
            "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 900 (NIL \"inner\" ((NIL NIL \"x\" \"y\")) NIL NIL NIL NIL NIL NIL NIL) " +
            "((\"text\" \"plain\" NIL NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)(\"message\" \"rfc822\" NIL NIL NIL \"8bit\" 50 " +
            "(NIL \"deepest\" NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" NIL NIL NIL \"8bit\" 5 1 NIL NIL NIL NIL) 4 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)" +
            " 20 NIL (\"attachment\" (\"filename\" \"fwd.eml\")) NIL NIL) \"mixed\" (\"boundary\" \"a\") NIL NIL NIL)");

        var message = body.ShouldBeOfType<ImapMultipart>().Parts[1].ShouldBeOfType<ImapMessagePart>();
        message.PartSpecifier.ShouldBe("2");
        message.Envelope.Subject.ShouldBe("inner");
        message.Lines.ShouldBe(20UL);
        message.Size.ShouldBe(900UL);
        message.FileName.ShouldBe("fwd.eml");
        var inner = message.Body.ShouldBeOfType<ImapMultipart>();
        inner.PartSpecifier.ShouldBe("2");
        inner.Parts[0].PartSpecifier.ShouldBe("2.1");
        var deepest = inner.Parts[1].ShouldBeOfType<ImapMessagePart>();
        deepest.PartSpecifier.ShouldBe("2.2");
        deepest.Envelope.Subject.ShouldBe("deepest");
        deepest.Body.PartSpecifier.ShouldBe("2.2.1");
        body.EnumerateParts().Select(part => part.PartSpecifier).ShouldBe(["", "1", "2", "2", "2.1", "2.2", "2.2.1"]);
    }

    [Fact]
    public async Task Non_extensible_body_and_nil_fields()
    {
        var message = await ParseAsync("UID 1 BODY (\"application\" \"octet-stream\" NIL NIL NIL NIL 0)");

        var part = message.Body.ShouldBeOfType<ImapBasicPart>();
        part.Parameters.ShouldBeEmpty();
        part.Encoding.ShouldBe("7BIT");
        part.Size.ShouldBe(0UL);
        part.Md5.ShouldBeNull();
        part.Disposition.ShouldBeNull();
        part.Languages.ShouldBeEmpty();
        part.Extensions.ShouldBeEmpty();
    }

    [Fact]
    public async Task Extension_data_beyond_the_location_is_kept_raw()
    {
        var body = await BodyAsync(
            "((\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1 NIL NIL NIL NIL 42 (\"future\" 1)) \"mixed\" NIL NIL \"fr\" \"loc\" \"x-ext\" (7 8))");

        var root = body.ShouldBeOfType<ImapMultipart>();
        root.Parameters.ShouldBeEmpty();
        root.Languages.ShouldBe(["fr"]);
        root.Location.ShouldBe("loc");
        root.Extensions.Count.ShouldBe(2);
        root.Extensions[0].AsText().ShouldBe("x-ext");
        var text = root.Parts[0].Extensions;
        text[0].ShouldBeOfType<ImapAtom>().Value.ShouldBe("42");
        text[1].ShouldBeOfType<ImapList>().Items.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("()")]
    [InlineData("\"text\"")]
    [InlineData("(\"text\" \"plain\" NIL NIL NIL \"7bit\")")]
    [InlineData("(\"text\" \"plain\" NIL NIL NIL \"7bit\" 12)")]
    [InlineData("(\"image\" \"png\" (\"name\") NIL NIL \"base64\" 1)")]
    [InlineData("(\"image\" \"png\" NIL NIL NIL \"base64\" big)")]
    [InlineData("(\"image\" \"png\" NIL NIL NIL \"base64\" -1)")]
    [InlineData("((\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1))")]
    [InlineData("(\"image\" \"png\" NIL NIL NIL \"base64\" 1 NIL (\"attachment\"))")]
    [InlineData("(\"image\" \"png\" NIL NIL NIL \"base64\" 1 NIL \"attachment\")")]
    [InlineData("(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 1 (NIL) (\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1) 1)")]
    [InlineData("(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 1 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) () 1)")]
    [InlineData("(\"text\" \"plain\" NIL NIL NIL \"7bit\" 99999999999999999999 1)")]
    public async Task Malformed_structures_raise_protocol_exceptions(string structure)
    {
        await Should.ThrowAsync<ImapProtocolException>(() => BodyAsync(structure));
    }
}
