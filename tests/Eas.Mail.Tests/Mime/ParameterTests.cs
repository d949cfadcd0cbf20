using Eas.Mail.Mime;

namespace Eas.Mail.Tests.Mime;

/// <summary>Content-Type and Content-Disposition fields, with RFC 2045 quoting and RFC 2231 parameters.</summary>
public sealed class ParameterTests
{
    [Fact]
    public void Type_subtype_and_parameters_are_read_case_insensitively()
    {
        var type = ContentType.Parse("Text/HTML; CharSet=\"UTF-8\"; format=flowed (a comment)");

        type.MimeType.ShouldBe("text/html");
        type.Charset.ShouldBe("UTF-8");
        type.Parameters["FORMAT"].ShouldBe("flowed");
        type.Parameters.Count.ShouldBe(2);
    }

    [Fact]
    public void Quoted_strings_undo_quoted_pairs_and_keep_specials()
    {
        var type = ContentType.Parse("application/x-thing; name=\"a \\\"quoted\\\" name; with = signs\"; next=1");

        type.Name.ShouldBe("a \"quoted\" name; with = signs");
        type.Parameters["next"].ShouldBe("1");
    }

    [Theory]
    [InlineData("multipart/mixed; boundary=----=_Part_0_123.456", "----=_Part_0_123.456")]
    [InlineData("multipart/mixed;\tboundary=\"simple boundary\"", "simple boundary")]
    [InlineData("multipart/mixed; boundary=\"ends with blank \"", "ends with blank")]
    [InlineData("multipart/mixed boundary=nosemicolon", "nosemicolon")]
    [InlineData("multipart/mixed;; ;boundary=x;", "x")]
    public void Boundaries_are_read_from_tolerated_forms(string value, string boundary) =>
        ContentType.Parse(value).Boundary.ShouldBe(boundary);

    [Theory]
    [InlineData(null, "text/plain")]
    [InlineData("", "text/plain")]
    [InlineData("text", "text/plain")]
    [InlineData("/", "text/plain")]
    [InlineData("image/", "text/plain")]
    [InlineData("image/png extra", "image/png")]
    [InlineData(" IMAGE / PNG ", "image/png")]
    public void Missing_and_invalid_types_default_as_RFC_2045_section_5_2_says(string? value, string expected) =>
        ContentType.Parse(value).MimeType.ShouldBe(expected);

    [Fact]
    public void RFC_2231_charset_language_and_percent_encoding()
    {
        var type = ContentType.Parse("application/x-stuff; title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A");

        type.Parameters["title"].ShouldBe("This is ***fun***");
    }

    [Fact]
    public void RFC_2231_continuations_are_joined_in_order()
    {
        var type = ContentType.Parse("message/external-body; access-type=URL; URL*1=\"cp/big.txt\"; URL*0=\"ftp://\"; URL*2=\"\"");

        type.Parameters["url"].ShouldBe("ftp://cp/big.txt");
    }

    [Fact]
    public void RFC_2231_encoded_and_plain_sections_mix_and_the_first_gives_the_charset()
    {
        var disposition = ContentDisposition.Parse(
            "attachment; filename*0*=utf-8''%E6%97%A5%E6%9C%AC; filename*1=\"-report\"; filename*2*=%E2%82%AC.pdf")!;

        disposition.FileName.ShouldBe("日本-report€.pdf");
    }

    [Fact]
    public void A_multi_byte_character_split_across_sections_is_joined_before_decoding()
    {
        var disposition = ContentDisposition.Parse("attachment; filename*0*=UTF-8''caf%C3; filename*1*=%A9.txt")!;

        disposition.FileName.ShouldBe("café.txt");
    }

    [Fact]
    public void The_RFC_2231_form_wins_over_a_plain_parameter_of_the_same_name()
    {
        var disposition = ContentDisposition.Parse("attachment; filename=\"fallback.txt\"; filename*=utf-8''r%C3%A9sum%C3%A9.txt")!;

        disposition.FileName.ShouldBe("résumé.txt");
    }

    [Theory]
    [InlineData("attachment; filename*=''%E2%82%AC.txt", "€.txt")]
    [InlineData("attachment; filename*=%E9t%E9.txt", "été.txt")]
    [InlineData("attachment; filename*=bogus-charset''%C3%A9.txt", "é.txt")]
    [InlineData("attachment; filename*=iso-8859-1'fr'%E9t%E9.txt", "été.txt")]
    public void RFC_2231_values_without_or_with_unknown_charset_fall_back(string value, string fileName) =>
        ContentDisposition.Parse(value)!.FileName.ShouldBe(fileName);

    [Theory]
    [InlineData("attachment; filename=\"=?UTF-8?B?0L7RgtGH0LXRgi5wZGY=?=\"", "отчет.pdf")]
    [InlineData("attachment; filename==?iso-8859-1?Q?r=E9sum=E9.doc?=", "résumé.doc")]
    [InlineData("attachment; filename=My Document.pdf", "My Document.pdf")]
    [InlineData("attachment; filename=\"unterminated.pdf", "unterminated.pdf")]
    [InlineData("attachment; FileName=\"Grüße.txt\"", "Grüße.txt")]
    public void File_names_in_the_forms_mailers_write(string value, string fileName) =>
        ContentDisposition.Parse(value)!.FileName.ShouldBe(fileName);

    [Theory]
    [InlineData("attachment", true, false)]
    [InlineData("INLINE; filename=a.png", false, true)]
    [InlineData("x-unknown-type", true, false)]
    [InlineData("", false, false)]
    public void Disposition_types_follow_RFC_2183(string value, bool attachment, bool inline)
    {
        var disposition = ContentDisposition.Parse(value)!;

        disposition.IsAttachment.ShouldBe(attachment);
        disposition.IsInline.ShouldBe(inline);
    }

    [Fact]
    public void Disposition_size_is_read_when_numeric()
    {
        ContentDisposition.Parse("attachment; size=12345")!.Size.ShouldBe(12345);
        ContentDisposition.Parse("attachment; size=huge")!.Size.ShouldBeNull();
        ContentDisposition.Parse(null).ShouldBeNull();
    }

    [Fact]
    public void Formatting_quotes_and_encodes_as_needed_and_parses_back()
    {
        var type = ContentType.Parse("text/plain; charset=utf-8; name*=utf-8''na%C3%AFve%20file.txt; note=\"a \\\"b\\\"\"");

        var text = type.ToString();

        text.ShouldBe("text/plain; charset=utf-8; name*=utf-8''na%C3%AFve%20file.txt; note=\"a \\\"b\\\"\"");
        ContentType.Parse(text).Name.ShouldBe("naïve file.txt");
    }

    [Fact]
    public void A_flood_of_parameters_is_cut_off_without_slowing_down()
    {
        var value = "text/plain" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"; p{i}*{i % 7}=v"));

        var type = ContentType.Parse(value);

        type.Parameters.Count.ShouldBeLessThanOrEqualTo(64);
    }
}
