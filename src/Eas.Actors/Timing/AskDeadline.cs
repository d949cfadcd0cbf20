using Akka.Actor;

namespace Eas.Actors.Timing;

/// <summary>
/// The deadline of one ask at the HTTP edge: when it passes, the ask's temporary actor gets the
/// <see cref="AskTimeoutException"/> Akka's timed ask would have raised, which ends the ask and unregisters the
/// temporary actor. The exception is made only then.
/// </summary>
public sealed class AskDeadline(IActorRef asker, TimeSpan after) : Deadline
{
    protected internal override void Expire() =>
        asker.Tell(new Status.Failure(new AskTimeoutException($"No answer within {after.TotalSeconds:0} s.")), ActorRefs.NoSender);
}
