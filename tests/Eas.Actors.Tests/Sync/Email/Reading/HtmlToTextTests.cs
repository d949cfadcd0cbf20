using Eas.Actors.Sync.Email.Reading;

namespace Eas.Actors.Tests.Sync.Email.Reading;

/// <summary>HTML to plain text for phones that ask for text when a message has only HTML.</summary>
public sealed class HtmlToTextTests
{
    [Theory]
    [InlineData("<p>Hello</p><p>World</p>", "Hello\r\n\r\nWorld")]
    [InlineData("one<br>two<br/>three<BR >four", "one\r\ntwo\r\nthree\r\nfour")]
    [InlineData("a<br><br>b", "a\r\n\r\nb")]
    [InlineData("<div>a</div><div>b</div>", "a\r\nb")]
    [InlineData("<h1>Title</h1>text", "Title\r\n\r\ntext")]
    [InlineData("<ul><li>one</li><li>two</li></ul>after", "* one\r\n* two\r\n\r\nafter")]
    [InlineData("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\r\nc")]
    public void Blocks_and_breaks_become_line_ends(string html, string text) =>
        HtmlToText.Convert(html).ShouldBe(text);

    [Theory]
    [InlineData("  lots   of\r\n\t spaces  ", "lots of spaces")]
    [InlineData("<p>  padded  </p>", "padded")]
    [InlineData("<pre>keep   this\n  too</pre>", "keep   this\r\n  too")]
    [InlineData("word<b>bold</b>word", "wordboldword")]
    [InlineData("a<span> </span>b", "a b")]
    public void Blanks_collapse_except_in_pre(string html, string text) =>
        HtmlToText.Convert(html).ShouldBe(text);

    [Theory]
    [InlineData("<html><head><title>T</title><style>p{color:red}</style></head><body>Body</body></html>", "Body")]
    [InlineData("<script>if (a < b && c > d) { x = '</p>'; }</script>after", "after")]
    [InlineData("<SCRIPT type=x>hidden</SCRIPT >shown", "shown")]
    [InlineData("a<!-- hidden <p> -->b", "ab")]
    [InlineData("<!DOCTYPE html>x", "x")]
    [InlineData("<?xml version=\"1.0\"?>x", "x")]
    [InlineData("<head><meta charset=utf-8><p>no closing head", "no closing head")]
    [InlineData("<head><xml><o:OfficeDocumentSettings>junk</o:OfficeDocumentSettings></xml></head><p>Outlook</p>", "Outlook")]
    public void Script_style_head_and_comments_are_dropped(string html, string text) =>
        HtmlToText.Convert(html).ShouldBe(text);

    [Theory]
    [InlineData("Fish &amp; Chips", "Fish & Chips")]
    [InlineData("&lt;tag&gt; &quot;q&quot; &apos;a&apos;", "<tag> \"q\" 'a'")]
    [InlineData("caf&eacute; &Eacute;t&eacute;", "café Été")]
    [InlineData("&#233;&#xE9;&#XE9;", "ééé")]
    [InlineData("&#128512;", "😀")]
    [InlineData("&#150; &#x80;", "– €")]
    [InlineData("&#0; &#xD800;", "\uFFFD \uFFFD")]
    [InlineData("a&nbsp;&nbsp;b", "a  b")]
    [InlineData("&euro;5 &hellip; &mdash; &trade;", "€5 … — ™")]
    [InlineData("&amp &copy 2024", "& © 2024")]
    [InlineData("&unknown; & &; &#; &#xZZ;", "&unknown; & &; &#; &#xZZ;")]
    [InlineData("AT&T", "AT&T")]
    public void Character_references_are_decoded(string html, string text) =>
        HtmlToText.Convert(html).ShouldBe(text);

    [Theory]
    [InlineData("See <a href=\"https://example.com/docs\">the docs</a>.", "See the docs <https://example.com/docs>.")]
    [InlineData("<a href='https://x.org/?a=1&amp;b=2'>x</a>", "x <https://x.org/?a=1&b=2>")]
    [InlineData("<a href=https://x.org>https://x.org</a>", "https://x.org")]
    [InlineData("<a href=\"mailto:ann@x.org\">ann@x.org</a>", "ann@x.org")]
    [InlineData("<a href=\"#top\">Top</a>", "Top")]
    [InlineData("<a href=\"javascript:alert(1)\">Click</a>", "Click")]
    [InlineData("<a name=x>anchor</a>", "anchor")]
    [InlineData("<a href=\"https://x.org\"><img src=logo.png></a>", "<https://x.org>")]
    [InlineData("<a href=\"https://x.org\">unclosed", "unclosed <https://x.org>")]
    public void Links_keep_their_text_and_show_the_url(string html, string text) =>
        HtmlToText.Convert(html).ShouldBe(text);

    [Theory]
    [InlineData("a < b and c > d", "a < b and c > d")]
    [InlineData("1 <2", "1 <2")]
    [InlineData("trailing <", "trailing")]
    [InlineData("<p", "")]
    [InlineData("<a href=\"never closed", "")]
    [InlineData("</>x", "x")]
    [InlineData("x</ p>y", "xy")]
    public void Broken_markup_never_fails(string html, string text) =>
        HtmlToText.Convert(html).ShouldBe(text);

    [Fact]
    public void A_reader_and_a_writer_give_the_same_text_as_a_string()
    {
        const string html = "<p>caf&eacute; <a href=\"https://x.org\">link</a></p><!-- c --><br>&#x1F600;end";
        using var output = new StringWriter();

        HtmlToText.Convert(new StringReader(html), output);

        output.ToString().ShouldBe(HtmlToText.Convert(html));
        output.ToString().ShouldBe("café link <https://x.org>\r\n\r\n\r\n😀end");
    }

    [Fact]
    public void Hostile_input_gives_no_more_text_than_it_has()
    {
        var hostile = string.Concat(Enumerable.Repeat("<a href=\"", 20_000)) + new string('&', 200_000) +
                      string.Concat(Enumerable.Repeat("<div><<!--", 50_000)) + new string('x', 500_000);

        var text = HtmlToText.Convert(hostile);

        text.Length.ShouldBeLessThanOrEqualTo(hostile.Length);
    }
}
