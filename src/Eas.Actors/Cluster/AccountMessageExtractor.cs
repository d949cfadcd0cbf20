using Akka.Cluster.Sharding;

namespace Eas.Actors.Cluster;

/// <summary>
/// Places account entities on shards by a stable hash of the account id. The number of shards is fixed for
/// the life of a deployment (changing it moves every account); about ten per node at the largest planned
/// cluster size is the usual advice.
/// </summary>
public sealed class AccountMessageExtractor(int shards) : HashCodeMessageExtractor(shards)
{
    /// <summary>The shard count when none is configured.</summary>
    public const int DefaultShards = 100;

    public override string? EntityId(object message) => (message as AccountEnvelope)?.AccountId;

    public override object EntityMessage(object message) => message;
}
