namespace Eas.Actors.Kernel;

/// <summary>
/// A handle to an actor: the only way to reach it. <see cref="Tell"/> never blocks and never throws for a
/// stopped actor: a message to an actor that has stopped is logged as a dead letter (and an ask carried by it
/// fails with <see cref="ActorStoppedException"/>). A reference to an entity survives passivation: the next
/// message starts a new incarnation.
/// </summary>
public interface IActorRef
{
    /// <summary>A readable name for logs: the kind for a top-level actor, <c>kind/id</c> for an entity.</summary>
    string Path { get; }

    /// <summary>Enqueues <paramref name="message"/>; messages from one sender are handled in the order told.</summary>
    void Tell(object message);
}
