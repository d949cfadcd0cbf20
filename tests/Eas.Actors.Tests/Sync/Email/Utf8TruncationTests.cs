using System.Text;
using Eas.Actors.Sync.Email;
using FsCheck;
using FsCheck.Fluent;

namespace Eas.Actors.Tests.Sync.Email;

/// <summary>
/// Cutting a body held as UTF-8 keeps the bytes of what cutting its string kept: TruncationSize in bytes on a
/// character boundary (MS-ASAIRS 2.2.2.40.2), the 2.5 truncation codes and BodySize in characters (MS-ASEMAIL
/// 2.2.2.12), Preview in characters of folded text (MS-ASAIRS 2.2.2.35).
/// </summary>
public sealed class Utf8TruncationTests
{
    private const string MultiByte = "añ€😀日\r\n";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    public void MS_ASAIRS_2_2_2_40_2_a_byte_limit_inside_a_character_keeps_the_characters_before_it(long limit)
    {
        var utf8 = Encoding.UTF8.GetBytes(MultiByte);

        var cut = TextTruncation.BytePrefix(utf8, limit);

        cut.ToArray().ShouldBe(Encoding.UTF8.GetBytes(TextTruncation.Utf8Prefix(MultiByte, limit)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void MS_ASEMAIL_2_2_2_12_a_character_limit_never_splits_a_surrogate_pair(long limit)
    {
        var utf8 = Encoding.UTF8.GetBytes(MultiByte);

        var cut = TextTruncation.CharPrefix(utf8, limit);

        Encoding.UTF8.GetString(cut.Span).ShouldBe(TextTruncation.CharPrefix(MultiByte, limit));
        TextTruncation.CharCount(utf8).ShouldBe(MultiByte.Length);
    }

    [Fact]
    public void Every_cut_of_the_bytes_equals_the_cut_of_the_string_for_any_text_and_limit()
    {
        // Strings as they come out of a decoder: a lone surrogate is already U+FFFD.
        var texts = ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s.Get)));
        var withPairs = texts.Zip(Gen.Elements("", "😀", "€", "ñ\r\n", " \t "), (text, extra) => extra + text + extra + text);

        Prop.ForAll(withPairs.Zip(Gen.Choose(0, 60)).ToArbitrary(), input =>
        {
            var (text, limit) = input;
            var utf8 = Encoding.UTF8.GetBytes(text);
            var bytes = TextTruncation.BytePrefix(utf8, limit).Span.SequenceEqual(Encoding.UTF8.GetBytes(TextTruncation.Utf8Prefix(text, limit)));
            var chars = TextTruncation.CharPrefix(utf8, limit).Span.SequenceEqual(Encoding.UTF8.GetBytes(TextTruncation.CharPrefix(text, limit)));
            var preview = EmailBodyWriter.Preview(utf8, limit) == EmailBodyWriter.Preview(text, limit);
            return bytes && chars && preview && TextTruncation.CharCount(utf8) == text.Length;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_35_a_preview_decodes_no_more_than_it_keeps()
    {
        var utf8 = Encoding.UTF8.GetBytes("  Grüße\r\n\r\n  aus   Zürich 😀 " + new string('x', 100_000));

        EmailBodyWriter.Preview(utf8, 19).ShouldBe("Grüße aus Zürich 😀");
        EmailBodyWriter.Preview(utf8, 18).ShouldBe("Grüße aus Zürich ");
    }
}
