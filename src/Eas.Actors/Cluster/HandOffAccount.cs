namespace Eas.Actors.Cluster;

/// <summary>
/// The shard's stop message for an account entity (Akka.Cluster.Sharding's <c>HandOffStopMessage</c>), sent when the
/// account's shard moves to another node (the coordinator rebalances onto a node that joined, or this node leaves).
/// The entity stops gracefully instead of at once (<see cref="AccountEntityActor"/>): its devices finish the command
/// they are in, so no phone's request is cut off mid-write or answered 503; what reaches the entity meanwhile is sent
/// on through the shard region, which holds it until the shard's new home runs.
/// </summary>
public sealed record HandOffAccount
{
    public static readonly HandOffAccount Instance = new();
}
