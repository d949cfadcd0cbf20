using System.Text;
using Eas.Mail.Mime;
using FsCheck;
using FsCheck.Fluent;

namespace Eas.Mail.Tests.Mime;

/// <summary>Cutting text on character boundaries, by UTF-8 bytes (as EAS does) or by UTF-16 units.</summary>
public sealed class TextTruncationTests
{
    [Theory]
    [InlineData("añño", 4, "añ", 6)]
    [InlineData("añño", 5, "aññ", 6)]
    [InlineData("añño", 6, "añño", 6)]
    [InlineData("日本語", 4, "日", 9)]
    [InlineData("日本語", 2, "", 9)]
    [InlineData("a😀b", 4, "a", 6)]
    [InlineData("a😀b", 5, "a😀", 6)]
    [InlineData("", 0, "", 0)]
    [InlineData("abc", 0, "", 3)]
    [InlineData("abc", -5, "", 3)]
    public void Utf8_truncation_never_splits_a_sequence(string text, long limit, string kept, long fullSize)
    {
        var result = TextTruncation.Truncate(text, limit);

        result.Text.ShouldBe(kept);
        result.FullSize.ShouldBe(fullSize);
        result.Truncated.ShouldBe(fullSize > limit);
    }

    [Fact]
    public void Character_truncation_never_splits_a_surrogate_pair()
    {
        TextTruncation.Truncate("a😀b", 2, TruncationUnit.Characters).Text.ShouldBe("a");
        TextTruncation.Truncate("a😀b", 3, TruncationUnit.Characters).Text.ShouldBe("a😀");
        TextTruncation.Truncate("a😀b", 3, TruncationUnit.Characters).FullSize.ShouldBe(4);
    }

    [Fact]
    public void A_lone_surrogate_counts_as_the_replacement_character_it_encodes_to()
    {
        TextTruncation.Measure("a\uD800b", TruncationUnit.Utf8Bytes).ShouldBe(Encoding.UTF8.GetByteCount("a\uD800b"));
    }

    [Fact]
    public void Utf8_truncation_is_the_longest_prefix_that_fits_for_any_text()
    {
        var texts = ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get);
        var limits = Gen.Choose(0, 40);

        Prop.ForAll(texts.Zip(limits).ToArbitrary(), pair =>
        {
            var (text, limit) = pair;
            var result = TextTruncation.Truncate(text, limit);
            var bytes = Encoding.UTF8.GetByteCount(result.Text);
            var fits = bytes <= limit || !result.Truncated;
            var isPrefix = text.StartsWith(result.Text, StringComparison.Ordinal);
            var nextWouldNotFit = !result.Truncated
                || Encoding.UTF8.GetByteCount(text[..Math.Min(text.Length, result.Text.Length + (char.IsHighSurrogate(text[result.Text.Length]) ? 2 : 1))]) > limit;
            var endsCleanly = result.Text.Length == 0 || !char.IsHighSurrogate(result.Text[^1]) || result.Text.Length == text.Length;
            return fits && isPrefix && nextWouldNotFit && endsCleanly && result.FullSize == Encoding.UTF8.GetByteCount(text);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }
}
