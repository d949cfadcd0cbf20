using System.Text;
using Eas.Mail.Mime;

namespace Eas.Mail.Tests.Mime;

/// <summary>Charset labels of every family mail uses, their aliases, and the never-throwing fallback.</summary>
public sealed class MimeCharsetsTests
{
    [Theory]
    [InlineData("iso-8859-2", new byte[] { 0x50, 0xF8, 0xED, 0x6C, 0x69, 0xB9 }, "Příliš")]
    [InlineData("ISO-8859-5", new byte[] { 0xBF, 0xE0, 0xD8, 0xD2, 0xD5, 0xE2 }, "Привет")]
    [InlineData("iso-8859-7", new byte[] { 0xE1, 0xE2, 0xE3 }, "αβγ")]
    [InlineData("iso-8859-15", new byte[] { 0xA4 }, "€")]
    [InlineData("windows-1250", new byte[] { 0x8A, 0x9A }, "Šš")]
    [InlineData("windows-1251", new byte[] { 0xCF, 0xF0, 0xE8 }, "При")]
    [InlineData("windows-1252", new byte[] { 0x80, 0x93, 0x94 }, "€“”")]
    [InlineData("koi8-r", new byte[] { 0xF0, 0xD2, 0xC9 }, "При")]
    [InlineData("koi8-u", new byte[] { 0xA4 }, "є")]
    [InlineData("shift_jis", new byte[] { 0x93, 0xFA, 0x96, 0x7B }, "日本")]
    [InlineData("euc-jp", new byte[] { 0xC6, 0xFC, 0xCB, 0xDC }, "日本")]
    [InlineData("iso-2022-jp", new byte[] { 0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42 }, "日本")]
    [InlineData("gb2312", new byte[] { 0xD6, 0xD0, 0xCE, 0xC4 }, "中文")]
    [InlineData("gbk", new byte[] { 0xD6, 0xD0, 0xCE, 0xC4 }, "中文")]
    [InlineData("gb18030", new byte[] { 0xD6, 0xD0, 0xCE, 0xC4 }, "中文")]
    [InlineData("big5", new byte[] { 0xA4, 0xA4, 0xA4, 0xE5 }, "中文")]
    [InlineData("euc-kr", new byte[] { 0xC7, 0xD1, 0xB1, 0xDB }, "한글")]
    [InlineData("ks_c_5601-1987", new byte[] { 0xC7, 0xD1, 0xB1, 0xDB }, "한글")]
    [InlineData("utf-16be", new byte[] { 0x00, 0x41, 0x00, 0xE9 }, "Aé")]
    [InlineData("utf-16le", new byte[] { 0x41, 0x00, 0xE9, 0x00 }, "Aé")]
    [InlineData("utf-7", new byte[] { 0x48, 0x69, 0x20, 0x2B, 0x41, 0x4F, 0x6B, 0x2D }, "Hi é")]
    [InlineData("unicode-1-1-utf-7", new byte[] { 0x2B, 0x5A, 0x65, 0x56, 0x6E, 0x4C, 0x49, 0x71, 0x65, 0x2D }, "日本語")]
    [InlineData("macintosh", new byte[] { 0x8E }, "é")]
    [InlineData("ibm866", new byte[] { 0x8F, 0xE0, 0xA8 }, "При")]
    public void Charset_families_decode(string charset, byte[] bytes, string expected) =>
        MimeCharsets.Decode(bytes, charset).ShouldBe(expected);

    [Theory]
    [InlineData("utf8")]
    [InlineData("UTF_8")]
    [InlineData("\"utf-8\"")]
    [InlineData(" utf-8; ")]
    [InlineData("utf-8*en")]
    [InlineData("x-unicode20utf8")]
    public void UTF_8_aliases(string label) =>
        MimeCharsets.Decode("Grüße"u8, label).ShouldBe("Grüße");

    [Theory]
    [InlineData("latin1")]
    [InlineData("ISO_8859-1")]
    [InlineData("iso8859-1")]
    [InlineData("l1")]
    [InlineData("cp1252")]
    [InlineData("win-1252")]
    [InlineData("windows1252")]
    public void Latin_1_aliases(string label) =>
        MimeCharsets.Decode([0x47, 0x72, 0xFC, 0xDF, 0x65, 0x80], label).ShouldBe("Grüße€");

    [Theory]
    [InlineData("windows-31j", new byte[] { 0x93, 0xFA }, "日")]
    [InlineData("cp932", new byte[] { 0x93, 0xFA }, "日")]
    [InlineData("cp936", new byte[] { 0xD6, 0xD0 }, "中")]
    [InlineData("x-mac-roman", new byte[] { 0x8E }, "é")]
    [InlineData("cp-1251", new byte[] { 0xCF }, "П")]
    [InlineData("iso8859-5", new byte[] { 0xBF }, "П")]
    public void Other_aliases(string label, byte[] bytes, string expected) =>
        MimeCharsets.Decode(bytes, label).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("x-unknown")]
    [InlineData("unknown-8bit")]
    [InlineData("no-such-charset")]
    [InlineData("us-ascii")]
    [InlineData("ascii")]
    [InlineData("iso-8859-16")]
    [InlineData("\u0000\u00FF junk")]
    public void Unknown_labels_and_8_bit_ascii_fall_back_to_utf8_if_valid_else_latin1(string? label)
    {
        MimeCharsets.Decode("Grüße"u8, label).ShouldBe("Grüße");
        MimeCharsets.Decode([0x47, 0x72, 0xFC, 0xDF, 0x65], label).ShouldBe("Grüße");
        MimeCharsets.TryGetEncoding(label).ShouldBeNull();
    }

    [Fact]
    public void Invalid_bytes_of_a_known_charset_become_replacement_characters()
    {
        MimeCharsets.Decode([0x61, 0xC3, 0x28, 0x62], "utf-8").ShouldBe("a\uFFFD(b");
        MimeCharsets.Decode([0x81, 0x20], "shift_jis").ShouldContain('\uFFFD');
    }

    [Fact]
    public void A_byte_order_mark_is_dropped()
    {
        MimeCharsets.Decode([0xEF, 0xBB, 0xBF, 0x61], "utf-8").ShouldBe("a");
        MimeCharsets.DecodeUtf8OrLatin1([0xEF, 0xBB, 0xBF, 0x61]).ShouldBe("a");
    }

    [Fact]
    public void The_streaming_fallback_decodes_utf8_and_takes_stray_bytes_as_latin1()
    {
        var decoder = MimeCharsets.Utf8OrLatin1.GetDecoder();
        var bytes = "Grüße "u8.ToArray().Concat(new byte[] { 0xE9, 0x74, 0xE9 }).ToArray();
        var chars = new char[32];
        var count = 0;
        foreach (var b in bytes) count += decoder.GetChars([b], 0, 1, chars, count, flush: false);
        count += decoder.GetChars([], 0, 0, chars, count, flush: true);

        new string(chars, 0, count).ShouldBe("Grüße été");
    }

    [Fact]
    public void Encodings_are_cached_per_code_page()
    {
        MimeCharsets.GetEncoding("latin1").ShouldBeSameAs(MimeCharsets.GetEncoding("windows-1252"));
        MimeCharsets.GetEncoding("x-unknown").ShouldBeSameAs(MimeCharsets.Utf8OrLatin1);
        Encoding.GetEncoding("shift_jis").ShouldNotBeNull();
    }
}
