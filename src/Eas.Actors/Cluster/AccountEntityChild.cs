using Akka.Actor;
using Eas.Actors.Diagnostics;

namespace Eas.Actors.Cluster;

/// <summary>What an <see cref="AccountEntityActor"/> keeps of one of its children: its incarnation and what waits for it. Kept on the entity's turn only.</summary>
internal sealed class AccountEntityChild(IActorRef actor, EntityKind kind)
{
    public IActorRef Ref { get; } = actor;

    public EntityKind Kind { get; } = kind;

    /// <summary>The child's journal refused a write, or its state could not be read, and it stops; it is never resumed.</summary>
    public bool Failed { get; set; }

    /// <summary>The entity is handed off and has told the child to stop after its turn (<see cref="StopForHandOff"/>).</summary>
    public bool StoppingForHandOff { get; set; }

    /// <summary>Messages held while the child is stopping; null while it runs.</summary>
    public List<(object Message, IActorRef Sender)>? Waiting { get; set; }

    /// <summary>Who sent the messages routed to the child before it had read its state back; null once it has.</summary>
    public List<IActorRef>? Recovering { get; set; } = [];

    /// <summary>
    /// The letters a child whose journal refused a write left, back from the returner (<see cref="ChildLetterReturner"/>),
    /// for its successor ahead of <see cref="Waiting"/>; null unless its write failed.
    /// </summary>
    public List<(object Message, IActorRef Sender)>? Returned { get; set; }

    /// <summary>The safety net while the returner is asked for the letters (a few seconds).</summary>
    public ICancelable? FlushOverdue { get; set; }
}
