using System.Text;
using Eas.Mail.Mime;

namespace Eas.Mail.Tests.Mime;

/// <summary>Header blocks (RFC 5322 section 2.2): unfolding, lookup, repeats, raw bytes, message ids.</summary>
public sealed class HeaderListTests
{
    [Fact]
    public void Fields_are_unfolded_trimmed_and_found_ignoring_case()
    {
        var headers = HeaderList.Parse("Subject: a long\r\n subject\r\n\tline  \r\nX-Empty:\r\nTO : bob@x.org\r\n\r\nbody: not a header\r\n"u8);

        headers.Count.ShouldBe(3);
        headers.GetValue("subject").ShouldBe("a long subject\tline");
        headers.GetValue("x-empty").ShouldBe(string.Empty);
        headers.GetValue("To").ShouldBe("bob@x.org");
        headers.Find("To")!.Name.ShouldBe("TO");
        headers.Contains("body").ShouldBeFalse();
        headers.GetValue("missing").ShouldBeNull();
    }

    [Fact]
    public void Repeated_fields_keep_their_order_and_the_first_answers_single_lookups()
    {
        var headers = HeaderList.Parse("Received: one\nX: 1\nreceived: two\nReceived: three\n"u8);

        headers.FindAll("Received").Select(f => f.Value).ShouldBe(["one", "two", "three"]);
        headers.GetValue("RECEIVED").ShouldBe("one");
        headers.Select(f => f.Name).ShouldBe(["Received", "X", "received", "Received"]);
    }

    [Fact]
    public void Raw_bytes_are_the_field_exactly_as_written()
    {
        var block = "A: 1\r\nB: folded\r\n  value\r\n"u8.ToArray();

        var headers = HeaderList.Parse(block);

        Encoding.ASCII.GetString(headers[1].RawBytes.Span).ShouldBe("B: folded\r\n  value\r\n");
        headers.Sum(f => f.RawBytes.Length).ShouldBe(block.Length);
    }

    [Fact]
    public void Unstructured_text_has_encoded_words_decoded()
    {
        var headers = HeaderList.Parse("Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\n =?utf-8?q?_aus_K=C3=B6ln?=\r\n"u8);

        headers.GetText("Subject").ShouldBe("Grüße aus Köln");
        headers[0].ToString().ShouldStartWith("Subject: =?utf-8?q?");
    }

    [Fact]
    public void A_continuation_line_before_any_field_and_lines_without_colons_are_nameless_fields()
    {
        var headers = HeaderList.Parse(" leading\r\nno colon here\r\nA: b\r\n"u8);

        headers.Select(f => f.Name).ShouldBe(["", "", "A"]);
        headers.GetValue("A").ShouldBe("b");
    }

    [Theory]
    [InlineData("<a@b>", new[] { "a@b" })]
    [InlineData("  <a@b> (comment) <c@d>", new[] { "a@b", "c@d" })]
    [InlineData("<a@b>,<c@d>", new[] { "a@b", "c@d" })]
    [InlineData("<a @ b>", new[] { "a@b" })]
    [InlineData("Your message of \"Mon, <x>\" <a@b>", new[] { "a@b" })]
    [InlineData("a@b c@d", new[] { "a@b", "c@d" })]
    [InlineData("<unclosed@b", new[] { "unclosed@b" })]
    [InlineData("<<nested@b>", new[] { "nested@b" })]
    [InlineData("no ids here", new string[0])]
    [InlineData("", new string[0])]
    public void Message_id_lists(string value, string[] ids) =>
        MessageIds.Parse(value).ShouldBe(ids);
}
