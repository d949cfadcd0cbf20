using System.Collections.Immutable;
using Eas.Actors.Cluster;

namespace Eas.Actors.Tests.Cluster;

/// <summary>Which node hosts which shards, as kept from sharding's statistics, and what a removed node takes with it.</summary>
public sealed class ShardHomesTests
{
    private static readonly ImmutableDictionary<string, ImmutableHashSet<string>> None = ImmutableDictionary<string, ImmutableHashSet<string>>.Empty;

    private static KeyValuePair<string, IEnumerable<string>> Node(string node, params string[] shards) => KeyValuePair.Create(node, (IEnumerable<string>)shards);

    [Fact]
    public void A_round_gives_each_node_the_shards_it_reported()
    {
        var homes = ShardHomes.Merge(None, [Node("a", "1", "2"), Node("b", "3")]);
        homes = ShardHomes.Merge(homes, [Node("a", "1"), Node("b", "2", "3")]);

        homes["a"].ShouldBe(new[] { "1" }, ignoreOrder: true);
        homes["b"].ShouldBe(new[] { "2", "3" }, ignoreOrder: true);
    }

    [Fact]
    public void A_node_that_reports_nothing_keeps_what_it_was_last_seen_with_and_takes_it_when_removed()
    {
        var homes = ShardHomes.Merge(None, [Node("a", "1"), Node("b", "2", "3")]);
        // b is unreachable: its region does not answer this round.
        homes = ShardHomes.Merge(homes, [Node("a", "1"), Node("b")]);

        var (after, lost) = ShardHomes.Remove(homes, "b");

        lost.ShouldBe(new[] { "2", "3" }, ignoreOrder: true);
        after.Keys.ShouldBe(new[] { "a" });
    }

    [Fact]
    public void Removing_a_node_with_no_known_shards_loses_none()
    {
        var (after, lost) = ShardHomes.Remove(ShardHomes.Merge(None, [Node("a", "1")]), "c");

        lost.ShouldBeEmpty();
        after.Keys.ShouldBe(new[] { "a" });
    }

    [Fact]
    public void Shards_handed_to_another_node_are_no_longer_kept_by_the_one_that_reports_nothing()
    {
        var homes = ShardHomes.Merge(None, [Node("a", "1"), Node("b", "2", "3")]);
        // b leaves gracefully: its shards move to a, and b reports nothing any more.
        homes = ShardHomes.Merge(homes, [Node("a", "1", "2", "3"), Node("b")]);

        ShardHomes.Remove(homes, "b").Lost.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Akka.Cluster.MemberStatus.Down, true)]
    [InlineData(Akka.Cluster.MemberStatus.Exiting, false)]
    public void Only_a_downed_member_takes_its_shards_with_it(Akka.Cluster.MemberStatus previous, bool lost)
    {
        ShardHomes.LostWith(previous).ShouldBe(lost);
    }
}
