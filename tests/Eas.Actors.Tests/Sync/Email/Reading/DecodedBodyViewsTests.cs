using System.Text;
using Eas.Actors.Sync.Email.Reading;
using MimeKit;

namespace Eas.Actors.Tests.Sync.Email.Reading;

/// <summary>
/// A body part is decoded into the forms the reader asks for and no others (MS-ASAIRS 2.2.2.9 Body: the server keeps
/// the native form and converts only where the message has no part of the asked-for type).
/// </summary>
public sealed class DecodedBodyViewsTests
{
    [Fact]
    public async Task A_part_asked_for_only_in_its_own_form_is_not_converted()
    {
        using var body = await DecodedBody.DecodeAsync(TextPart("plain", "one <two>\r\nthree"), limit: null, BodyViews.Plain, CancellationToken.None);

        Kept(body, html: false).ShouldBe("one <two>\r\nthree");
        Should.Throw<InvalidOperationException>(() => body.View(html: true));
    }

    [Fact]
    public async Task A_text_part_asked_for_as_HTML_only_is_converted_and_kept_within_the_limit()
    {
        using var body = await DecodedBody.DecodeAsync(TextPart("plain", "a&b\r\nc"), limit: 1000, BodyViews.Html, CancellationToken.None);

        Kept(body, html: true).ShouldBe("<div>a&amp;b<br>\r\nc</div>");
        Should.Throw<InvalidOperationException>(() => body.View(html: false));
    }

    [Fact]
    public async Task An_HTML_part_asked_for_in_both_forms_gives_both_each_measured_in_full()
    {
        using var body = await DecodedBody.DecodeAsync(TextPart("html", "<p>Hello <b>world</b></p>"), limit: 3, BodyViews.Both, CancellationToken.None);

        Kept(body, html: true).ShouldBe("<p>");
        body.View(html: true).TotalSize.ShouldBe(Encoding.UTF8.GetByteCount("<p>Hello <b>world</b></p>"));
        Kept(body, html: false).ShouldBe("Hel");
        body.View(html: false).TotalSize.ShouldBeGreaterThan(3);
    }

    [Fact]
    public async Task A_part_larger_than_the_first_read_buffer_is_read_whole()
    {
        var text = string.Concat(Enumerable.Repeat("0123456789abcdef\r\n", 2_000));

        using var body = await DecodedBody.DecodeAsync(TextPart("plain", text), limit: null, BodyViews.Plain, CancellationToken.None);

        Kept(body, html: false).ShouldBe(text);
    }

    private static string Kept(DecodedBody body, bool html) => Encoding.UTF8.GetString(body.View(html).Kept);

    private static TextPart TextPart(string subtype, string text) => new(subtype) { Text = text };
}
