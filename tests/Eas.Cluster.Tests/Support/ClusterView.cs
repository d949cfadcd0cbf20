using System.Text.Json;

namespace Eas.Cluster.Tests.Support;

/// <summary>
/// What one node says of the cluster on <c>GET /admin/api/cluster</c>. Membership, shards and singletons come
/// from the node's <c>ClusterStatsActor</c>, sampled on every membership event and every 5 s; the entity counts
/// and parked Pings are live counters of this node alone.
/// </summary>
internal sealed record ClusterView(
    string SelfAddress,
    IReadOnlyList<ClusterViewMember> Members,
    int Shards,
    int ShardedEntities,
    bool SingletonsHere,
    IReadOnlyDictionary<string, int> Entities,
    long ParkedPings)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ClusterView Parse(string json) =>
        JsonSerializer.Deserialize<ClusterView>(json, Json) ?? throw new JsonException($"Not a cluster view: {json}");

    /// <summary>Account entities alive on this node (the sharded parents, one per account).</summary>
    public int Accounts => Entities.GetValueOrDefault("account");

    /// <summary>The members this node sees up and reachable.</summary>
    public IEnumerable<string> UpAndReachable => Members.Where(m => m.Status == "up" && m.Reachable).Select(m => m.Address);

    public override string ToString() =>
        $"{SelfAddress}: members [{string.Join(", ", Members.Select(m => $"{m.Address} {m.Status}{(m.Reachable ? "" : " unreachable")}{(m.Oldest ? " oldest" : "")}"))}], " +
        $"shards {Shards}, entities {ShardedEntities}, singletons {(SingletonsHere ? "here" : "elsewhere")}, accounts {Accounts}, parked {ParkedPings}";
}

internal sealed record ClusterViewMember(string Address, string Status, bool Reachable, bool Oldest);
