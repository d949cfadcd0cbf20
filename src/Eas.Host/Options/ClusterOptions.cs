namespace Eas.Host.Options;

/// <summary>
/// <c>Eas:Cluster</c>: how this node joins its peers. Unset, the node forms a cluster of one on a free
/// loopback port, which is all a single box needs.
/// </summary>
public sealed class ClusterOptions
{
    /// <summary>The address peers reach this node on; part of the node's identity, so never 0.0.0.0.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The cluster port; 0 picks a free one (a cluster of one only).</summary>
    public int Port { get; set; }

    /// <summary>Seed nodes as <c>host:port</c>, the same list in the same order on every node.</summary>
    public List<string> Seeds { get; set; } = [];

    /// <summary>Shards accounts are spread over; fixed for the life of a deployment.</summary>
    public int Shards { get; set; } = Actors.Cluster.AccountMessageExtractor.DefaultShards;

    /// <summary>How long a silent peer is tolerated before it is suspected, in seconds; unset keeps Akka's default (3 s).</summary>
    public double? AcceptableHeartbeatPauseSeconds { get; set; }

    /// <summary>How long membership must be stable before the split brain resolver downs the unreachable minority, in seconds.</summary>
    public double StableAfterSeconds { get; set; } = 10;
}
