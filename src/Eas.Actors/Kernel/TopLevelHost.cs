using Microsoft.Extensions.Logging;

namespace Eas.Actors.Kernel;

/// <summary>Hosts one spawned top-level actor: no passivation, leftovers become dead letters when it stops.</summary>
internal sealed class TopLevelHost(ActorSystem system, string kind, Func<Actor> factory) : ICellHost
{
    public ActorSystem System => system;

    public string Kind => kind;

    public bool RestartsOnLeftovers => false;

    public TimeSpan IdleTimeout => Timeout.InfiniteTimeSpan;

    public Actor CreateActor(string? id) => factory();

    public ILogger GetActorLogger(Type actorType) => system.LoggerFactory.CreateLogger(actorType);

    public void Route(ActorCell cell, in Envelope envelope)
    {
        if (!cell.TryPost(envelope))
        {
            system.DeadLetter(kind, cell.Path, envelope, "stopped");
        }
    }

    public void Detach(ActorCell cell) => system.RemoveTopLevel(cell);
}
