namespace Eas.Actors.Cluster;

/// <summary>
/// Where this node listens for its cluster peers and whom it joins. With no seeds the node forms a cluster
/// of one by joining itself, which is what a single box needs and what the demo runs.
/// </summary>
public sealed record ClusterSettings
{
    /// <summary>The address peers reach this node on (never 0.0.0.0: it is part of the node's identity).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The cluster port; 0 picks a free one (a cluster of one only).</summary>
    public int Port { get; init; }

    /// <summary>Seed nodes as <c>host:port</c>; every node of a cluster lists the same seeds, in the same order.</summary>
    public IReadOnlyList<string> Seeds { get; init; } = [];

    /// <summary>Number of shards over which accounts are spread; fixed for the life of a deployment.</summary>
    public int Shards { get; init; } = AccountMessageExtractor.DefaultShards;

    /// <summary>
    /// How long a peer may stay silent before it is suspected. Production keeps Akka's default; tests that
    /// run three nodes and PostgreSQL on two cores loosen it so a busy machine is not taken for a dead node.
    /// </summary>
    public TimeSpan? AcceptableHeartbeatPause { get; init; }

    /// <summary>How long the split brain resolver waits for a stable membership before it downs the unreachable side.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The actor system's name; every node of one cluster uses the same.</summary>
    public const string SystemName = "eas";

    /// <summary>The seed addresses in Akka's form.</summary>
    public IReadOnlyList<string> SeedAddresses => [.. Seeds.Select(seed => $"akka.tcp://{SystemName}@{seed}")];
}
