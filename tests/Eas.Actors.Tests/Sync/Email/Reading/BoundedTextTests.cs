using System.Text;
using Eas.Actors.Sync.Email.Reading;
using FsCheck;
using FsCheck.Fluent;

namespace Eas.Actors.Tests.Sync.Email.Reading;

/// <summary>Keeping a body's UTF-8 up to a byte limit on character boundaries while measuring all of it.</summary>
public sealed class BoundedTextTests
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
    public void Utf8_limits_never_split_a_sequence(string text, long limit, string kept, long fullSize)
    {
        using var bounded = Write(text, limit, pieceSize: 1);
        var utf8 = Encoding.UTF8.GetBytes(text);

        Encoding.UTF8.GetString(bounded.Kept).ShouldBe(kept);
        bounded.TotalSize.ShouldBe(fullSize);
        Encoding.UTF8.GetString(utf8.AsSpan(0, BoundedText.PrefixLength(utf8, Math.Max(0, limit)))).ShouldBe(kept);
    }

    [Fact]
    public void A_text_longer_than_one_buffer_is_kept_whole_without_a_limit_and_cut_on_a_character_with_one()
    {
        var text = string.Concat(Enumerable.Repeat("Grüße 日本 😀\r\n", 20_000));
        var utf8 = Encoding.UTF8.GetBytes(text);

        using var whole = Write(text, null, pieceSize: 8192);
        using var cut = Write(text, 100_003, pieceSize: 8192);

        whole.Kept.SequenceEqual(utf8).ShouldBeTrue();
        cut.Kept.Length.ShouldBe(BoundedText.PrefixLength(utf8, 100_003));
        cut.Kept.SequenceEqual(utf8.AsSpan(0, cut.Kept.Length)).ShouldBeTrue();
        cut.TotalSize.ShouldBe(utf8.Length);
    }

    [Fact]
    public void A_lone_surrogate_counts_as_the_replacement_character_it_encodes_to()
    {
        Write("a\uD800b", null, pieceSize: 2).TotalSize.ShouldBe(Encoding.UTF8.GetByteCount("a\uD800b"));
        Write("a\uD800", null, pieceSize: 2).TotalSize.ShouldBe(Encoding.UTF8.GetByteCount("a\uD800"));
    }

    [Fact]
    public void The_kept_text_is_the_longest_prefix_that_fits_for_any_text_written_in_any_pieces()
    {
        var texts = ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get);
        var limits = Gen.Choose(0, 40);
        var pieces = Gen.Choose(1, 5);

        Prop.ForAll(texts.Zip(limits).Zip(pieces).ToArbitrary(), input =>
        {
            var ((text, limit), piece) = input;
            using var bounded = Write(text, limit, piece);
            var expected = Encoding.UTF8.GetBytes(text[..LongestCharPrefix(text, limit)]);
            return bounded.Kept.SequenceEqual(expected) && bounded.TotalSize == Encoding.UTF8.GetByteCount(text);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    /// <summary>The old string sink's rule: whole characters (a pair 4 bytes, a lone surrogate 3) while they fit.</summary>
    private static int LongestCharPrefix(string text, long limit)
    {
        long size = 0;
        var i = 0;
        while (i < text.Length)
        {
            var paired = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var next = paired ? 4 : text[i] switch { < '\u0080' => 1, < '\u0800' => 2, _ => 3 };
            if (size + next > limit) break;
            size += next;
            i += paired ? 2 : 1;
        }

        return i;
    }

    private static BoundedText Write(string text, long? limit, int pieceSize)
    {
        var bounded = new BoundedText(limit);
        foreach (var piece in text.Chunk(pieceSize)) bounded.Write(piece.AsSpan());
        bounded.Complete();
        return bounded;
    }
}
