using Akka.Actor;
using Akka.Cluster.Sharding;

namespace Eas.Actors.Tests.TestKit;

/// <summary>
/// Stands in for an account entity's shard: parents the entity, forwards every message to it and a
/// <see cref="Passivate"/> request to <paramref name="probe"/>. Made directly under <c>/user</c>, so <c>/user</c> stands
/// in for the shard region (<see cref="Region"/>).
/// </summary>
public sealed class FakeShard : ReceiveActor
{
    public FakeShard(Props entity, IActorRef probe)
    {
        var child = Context.ActorOf(entity, "entity");
        Receive<Passivate>(passivate => probe.Tell(passivate));
        ReceiveAny(message => child.Forward(message));
    }

    /// <summary>The path that stands in for the account shard region: the grandparent of the entity.</summary>
    public static ActorPath Region(ActorSystem system) => ((ExtendedActorSystem)system).Guardian.Path;
}
