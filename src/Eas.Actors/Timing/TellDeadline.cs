using Akka.Actor;

namespace Eas.Actors.Timing;

/// <summary>A deadline that tells <paramref name="target"/> <paramref name="message"/> when it passes (a parked Ping's heartbeat).</summary>
public sealed class TellDeadline(IActorRef target, object message) : Deadline
{
    protected internal override void Expire() => target.Tell(message, ActorRefs.NoSender);
}
