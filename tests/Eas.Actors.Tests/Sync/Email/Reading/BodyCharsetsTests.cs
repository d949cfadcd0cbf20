using System.Text;
using static Eas.Actors.Tests.Sync.Email.Reading.ReadingTestData;

namespace Eas.Actors.Tests.Sync.Email.Reading;

/// <summary>Body text in the charsets mail uses, their aliases, and the never-throwing fallback.</summary>
public sealed class BodyCharsetsTests
{
    [Theory]
    [InlineData("iso-8859-2", new byte[] { 0x50, 0xF8, 0xED, 0x6C, 0x69, 0xB9 }, "Příliš")]
    [InlineData("ISO-8859-5", new byte[] { 0xBF, 0xE0, 0xD8, 0xD2, 0xD5, 0xE2 }, "Привет")]
    [InlineData("iso-8859-15", new byte[] { 0xA4 }, "€")]
    [InlineData("windows-1250", new byte[] { 0x8A, 0x9A }, "Šš")]
    [InlineData("windows-1252", new byte[] { 0x80, 0x93, 0x94 }, "€“”")]
    [InlineData("koi8-r", new byte[] { 0xF0, 0xD2, 0xC9 }, "При")]
    [InlineData("shift_jis", new byte[] { 0x93, 0xFA, 0x96, 0x7B }, "日本")]
    [InlineData("euc-jp", new byte[] { 0xC6, 0xFC, 0xCB, 0xDC }, "日本")]
    [InlineData("iso-2022-jp", new byte[] { 0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42 }, "日本")]
    [InlineData("gb2312", new byte[] { 0xD6, 0xD0, 0xCE, 0xC4 }, "中文")]
    [InlineData("big5", new byte[] { 0xA4, 0xA4, 0xA4, 0xE5 }, "中文")]
    [InlineData("ks_c_5601-1987", new byte[] { 0xC7, 0xD1, 0xB1, 0xDB }, "한글")]
    [InlineData("utf-16le", new byte[] { 0x41, 0x00, 0xE9, 0x00 }, "Aé")]
    [InlineData("utf-7", new byte[] { 0x48, 0x69, 0x20, 0x2B, 0x41, 0x4F, 0x6B, 0x2D }, "Hi é")]
    [InlineData("utf8", new byte[] { 0x47, 0x72, 0xC3, 0xBC, 0xC3, 0x9F, 0x65 }, "Grüße")]
    [InlineData("latin1", new byte[] { 0x47, 0x72, 0xFC, 0xDF, 0x65, 0x80 }, "Grüße€")]
    [InlineData("iso-8859-1", new byte[] { 0x47, 0x72, 0xFC, 0xDF, 0x65, 0x80 }, "Grüße€")]
    [InlineData("cp1252", new byte[] { 0x80 }, "€")]
    public async Task Charset_families_decode(string charset, byte[] bytes, string expected)
    {
        var item = await ReadAsync(Message(charset, bytes));

        item.PlainText!.Text.ShouldBe(expected);
        item.PlainText.Size.ShouldBe(Encoding.UTF8.GetByteCount(expected));
    }

    [Theory]
    [InlineData("x-unknown")]
    [InlineData("unknown-8bit")]
    [InlineData("no-such-charset")]
    [InlineData("us-ascii")]
    [InlineData("")]
    public async Task Unknown_labels_and_8_bit_ascii_fall_back_to_utf8_if_valid_else_latin1(string charset)
    {
        (await ReadAsync(Message(charset, "Grüße"u8.ToArray()))).PlainText!.Text.ShouldBe("Grüße");
        (await ReadAsync(Message(charset, [0x47, 0x72, 0xFC, 0xDF, 0x65]))).PlainText!.Text.ShouldBe("Grüße");
    }

    [Fact]
    public async Task Invalid_bytes_of_a_known_charset_become_replacement_characters()
    {
        var item = await ReadAsync(Message("utf-8", [0x61, 0xC3, 0x28, 0x62]));

        item.PlainText!.Text.ShouldBe("a\uFFFD(b");
    }

    [Fact]
    public async Task Html_in_a_legacy_charset_is_decoded_before_it_is_converted()
    {
        var message = Crlf("Content-Type: text/html; charset=koi8-r\n\n").Concat("<p>"u8.ToArray()).Concat(new byte[] { 0xF0, 0xD2, 0xC9 }).Concat("</p>"u8.ToArray()).ToArray();

        var item = await ReadAsync(message);

        item.Html!.Text.ShouldBe("<p>При</p>");
        item.PlainText!.Text.ShouldBe("При");
    }

    private static byte[] Message(string charset, byte[] body) =>
        Crlf($"Content-Type: text/plain; charset={charset}\nContent-Transfer-Encoding: 8bit\n\n").Concat(body).ToArray();
}
