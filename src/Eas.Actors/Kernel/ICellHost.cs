using Microsoft.Extensions.Logging;

namespace Eas.Actors.Kernel;

/// <summary>What an <see cref="ActorCell"/> needs from whoever owns it: a region (entities) or the system (top-level).</summary>
internal interface ICellHost
{
    ActorSystem System { get; }

    string Kind { get; }

    /// <summary>True for entities: messages left when an incarnation stops start a new one instead of being dropped.</summary>
    bool RestartsOnLeftovers { get; }

    /// <summary>How long a cell must have handled nothing before it may passivate.</summary>
    TimeSpan IdleTimeout { get; }

    Actor CreateActor(string? id);

    ILogger GetActorLogger(Type actorType);

    /// <summary>Routes a message told to the cell's own reference (for an entity: through its region).</summary>
    void Route(ActorCell cell, in Envelope envelope);

    /// <summary>Called under the cell's mailbox lock once it will accept no more messages.</summary>
    void Detach(ActorCell cell);
}
