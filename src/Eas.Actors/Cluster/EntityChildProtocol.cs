using Akka.Actor;

namespace Eas.Actors.Cluster;

/// <summary>From a child of an account entity: nothing has happened for its idle time and nothing holds it.</summary>
public sealed record ChildIdle
{
    public static readonly ChildIdle Instance = new();
}

/// <summary>
/// From the account entity to an idle child, sent behind every message already routed to it: stop now if you
/// still may. Messages routed meanwhile wait in the entity, so none is lost to the stop.
/// </summary>
public sealed record PassivateChild
{
    public static readonly PassivateChild Instance = new();
}

/// <summary>
/// From the account entity whose shard is handed off to another node (a rebalance, this node leaving): stop once the
/// current turn and the messages already routed to you are done. Unlike <see cref="PoisonPill"/>, which Akka handles
/// ahead of a persistent actor's own stash, it waits for a write in flight, so the command that wrote answers its phone
/// and the next incarnation on the new node reads every event back.
/// </summary>
public sealed record StopForHandOff
{
    public static readonly StopForHandOff Instance = new();
}

/// <summary>The child took on something that must outlive idleness (a parked Ping) before it could stop: keep it.</summary>
public sealed record ChildBusy
{
    public static readonly ChildBusy Instance = new();
}

/// <summary>The child has read its state back from the journal and handles messages now.</summary>
public sealed record ChildRecovered
{
    public static readonly ChildRecovered Instance = new();
}

/// <summary>
/// The child could not read its state back (store down, unreadable event) and stops. The entity answers the
/// messages it routed to it meanwhile with a retriable failure, and the next message starts a fresh one.
/// </summary>
public sealed record ChildRecoveryFailed(string Reason);

/// <summary>
/// The child's journal refused a write, and Akka.Persistence stops a persistent actor whose write failed. The entity
/// holds what it routes to the child from now on and hands it to a fresh one once this one has stopped, as for a
/// passivating child: forwarded into the stopping actor it would be lost, and its asker would wait out its deadline
/// (a parked Ping's is its heartbeat) instead of getting an answer or a retriable failure from the next incarnation.
/// </summary>
public sealed record ChildWriteFailed
{
    public static readonly ChildWriteFailed Instance = new();
}

/// <summary>
/// From a device to its account entity: one request it was routed has been answered, or parked (a parked request
/// ends when the device's next one arrives), so it no longer counts against the device's concurrency budget.
/// </summary>
public sealed record RequestSettled
{
    public static readonly RequestSettled Instance = new();
}

/// <summary>
/// A message an account entity routes to one of its children from outside it: a request, an order, a watch. If the
/// child stops without having handled it (its journal refused a write, and Akka.Persistence stopped it with the message
/// still in its mailbox), the letter comes back to the entity (<see cref="ChildLetterReturner"/>) and goes to the
/// child's next incarnation. A child's own messages (its timers, a background loop's reports, a sibling's notice,
/// journal replies) are not marked: a fresh incarnation has no use for them.
/// </summary>
public interface IRoutedToChild;

/// <summary>
/// A dead letter addressed to <paramref name="Child"/>, a stopped child of an account entity, handed back to that entity
/// by <see cref="ChildLetterReturner"/> with the <paramref name="Sender"/> it was sent by.
/// </summary>
public sealed record ReturnedLetter(IActorRef Child, object Message, IActorRef Sender);

/// <summary>
/// A message handed to a child's next incarnation after it came back from a failed one; the child handles
/// <paramref name="Message"/> as if it had been routed. <paramref name="Times"/> counts the hand-ons, so a message whose
/// every successor fails too ends with a retriable failure instead of going round for ever.
/// </summary>
public sealed record HandedOn(object Message, int Times);
