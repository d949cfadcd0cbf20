using Akka.Actor;
using Akka.Cluster;
using Akka.Remote;
using Microsoft.Extensions.Logging;

namespace Eas.Actors.Cluster;

/// <summary>
/// Downs this node when a peer reports that it has quarantined it (<see cref="ThisActorSystemQuarantinedEvent"/>): the
/// others downed and removed this incarnation (it was frozen, paused or cut off for longer than their failure detector
/// allows), so it can never rejoin, and any entity or singleton it still runs now also runs elsewhere. Downing itself
/// (with <c>run-coordinated-shutdown-when-down</c>) stops the node, and <c>ActorSystemLifetime</c> ends the process;
/// its service manager starts it again as a new member.
/// </summary>
/// <remarks>
/// The split brain resolver alone does not cover this: a node that wakes from a long pause sees its peers become
/// unreachable one after the other (a peer its failure detector had no heartbeat history of yet is noticed seconds
/// later), so it may decide twice, first downing one peer as the majority, then winning a one-against-one tie on
/// address order, and go on as a cluster of one with its own singletons. The quarantine notice arrives within
/// seconds of waking, before the resolver's stable-after has passed.
/// </remarks>
internal sealed class QuarantineGuard : ReceiveActor
{
    public const string Name = "quarantine-guard";

    public QuarantineGuard(ILogger logger)
    {
        var cluster = Akka.Cluster.Cluster.Get(Context.System);
        Receive<ThisActorSystemQuarantinedEvent>(quarantined =>
        {
            if (cluster.IsTerminated || cluster.SelfMember.Status is MemberStatus.Down or MemberStatus.Removed) return;
            ClusterGuardLog.QuarantinedByPeer(logger, quarantined.RemoteAddress.ToString(), cluster.SelfAddress.ToString());
            cluster.Down(cluster.SelfAddress);
        });
    }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(ThisActorSystemQuarantinedEvent));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}

/// <summary>The quarantine guard's log messages, with stable event ids (5860-5869).</summary>
internal static partial class ClusterGuardLog
{
    [LoggerMessage(5860, LogLevel.Warning, "Cluster peer {Remote} has quarantined this node {Self}: the others removed it, so it downs itself and stops instead of serving as a cluster of its own")]
    public static partial void QuarantinedByPeer(ILogger logger, string remote, string self);
}
