using System.Text;
using Eas.Actors.Sync.Email.Reading;
using FsCheck;
using FsCheck.Fluent;

namespace Eas.Actors.Tests.Sync.Email.Reading;

/// <summary>Keeping a body up to a UTF-8 byte limit on character boundaries while measuring all of it.</summary>
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
        var bounded = Write(text, limit, pieceSize: 1);

        bounded.Kept.ShouldBe(kept);
        bounded.TotalSize.ShouldBe(fullSize);
        text[..BoundedText.PrefixLength(text, Math.Max(0, limit))].ShouldBe(kept);
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
            var bounded = Write(text, limit, piece);
            var kept = bounded.Kept;
            var truncated = bounded.TotalSize > limit;
            var fits = Encoding.UTF8.GetByteCount(kept) <= limit || !truncated;
            var isPrefix = text.StartsWith(kept, StringComparison.Ordinal);
            var nextWouldNotFit = !truncated
                || Encoding.UTF8.GetByteCount(text[..Math.Min(text.Length, kept.Length + (char.IsHighSurrogate(text[kept.Length]) ? 2 : 1))]) > limit;
            return fits && isPrefix && nextWouldNotFit && bounded.TotalSize == Encoding.UTF8.GetByteCount(text);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    private static BoundedText Write(string text, long? limit, int pieceSize)
    {
        var bounded = new BoundedText(limit);
        foreach (var piece in text.Chunk(pieceSize)) bounded.Write(piece.AsSpan());
        bounded.Complete();
        return bounded;
    }
}
