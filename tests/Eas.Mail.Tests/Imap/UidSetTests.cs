using Eas.Mail.Imap;
using FsCheck;
using FsCheck.Fluent;

namespace Eas.Mail.Tests.Imap;

public sealed class UidSetTests
{
    [Theory]
    [InlineData("1:5,7,9:*", "1:5,7,9:*")]
    [InlineData("7,1:5,9:*", "1:5,7,9:*")]
    [InlineData("5:1", "1:5")]
    [InlineData("1,2,3,5", "1:3,5")]
    [InlineData("3:7,5:9,10", "3:10")]
    [InlineData("*", "*")]
    [InlineData("*:4", "4:*")]
    [InlineData("4294967294", "4294967294")]
    public void Parses_and_formats_compactly(string text, string formatted)
    {
        UidSet.Parse(text).ToString().ShouldBe(formatted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("1:0")]
    [InlineData("1,,2")]
    [InlineData("a")]
    [InlineData("1:2:3")]
    [InlineData("-1")]
    [InlineData("4294967296")]
    [InlineData(" 1")]
    public void Rejects_malformed_sets(string text)
    {
        UidSet.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => UidSet.Parse(text));
    }

    [Fact]
    public void Membership_count_and_bounds()
    {
        var set = UidSet.Parse("2:4,10,20:22");

        set.Contains(1).ShouldBeFalse();
        set.Contains(3).ShouldBeTrue();
        set.Contains(10).ShouldBeTrue();
        set.Contains(11).ShouldBeFalse();
        set.Contains(22).ShouldBeTrue();
        set.Count.ShouldBe(7);
        set.Min.ShouldBe(2u);
        set.Max.ShouldBe(22u);
        set.ToArray().ShouldBe([2u, 3, 4, 10, 20, 21, 22]);
        set.IsOpenEnded.ShouldBeFalse();
    }

    [Fact]
    public void Open_ended_sets_contain_everything_above_and_cannot_be_enumerated()
    {
        var set = UidSet.Parse("5:*");

        set.IsOpenEnded.ShouldBeTrue();
        set.Contains(4_000_000_000).ShouldBeTrue();
        set.Contains(4).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => set.ToArray());
        UidSet.All.ToString().ShouldBe("1:*");
    }

    [Fact]
    public void Union_merges_adjacent_ranges_and_equality_is_by_value()
    {
        var union = UidSet.Parse("1:3").Union(UidSet.Parse("4,8"));

        union.ShouldBe(UidSet.Parse("1:4,8"));
        union.GetHashCode().ShouldBe(UidSet.Parse("8,1:4").GetHashCode());
        UidSet.Empty.IsEmpty.ShouldBeTrue();
        UidSet.Empty.ToString().ShouldBe("");
        UidSet.From([]).ShouldBe(UidSet.Empty);
    }

    [Fact]
    public void Expanding_in_order_keeps_the_listed_order_for_copyuid_pairing()
    {
        UidSet.ExpandInOrder("5,1:3").ShouldBe([5u, 1, 2, 3]);
        UidSet.ExpandInOrder("9:7").ShouldBe([7u, 8, 9]);
        Should.Throw<FormatException>(() => UidSet.ExpandInOrder("1:*"));
    }

    [Fact]
    public void Any_set_of_uids_round_trips_through_its_text()
    {
        var uids = Gen.Choose(1, 400).Select(n => (uint)n).ListOf().ToArbitrary();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(uids, list =>
        {
            var set = UidSet.From(list);
            var distinct = list.Distinct().Order().ToArray();
            return set.ToArray().SequenceEqual(distinct)
                && (set.IsEmpty || UidSet.Parse(set.ToString()).Equals(set))
                && distinct.All(set.Contains);
        }));
    }
}
