using Akka.Actor;
using Akka.Event;

namespace Eas.Actors.Cluster;

/// <summary>
/// One per node: hands a dead letter addressed to a child of an account entity back to that entity
/// (<see cref="ReturnedLetter"/>), which decides whether the child's next incarnation gets it.
/// <para>
/// A child whose journal refuses a write is stopped by Akka.Persistence, and what already sat in its mailbox (or in
/// the stash it keeps while a write is under way) goes to dead letters as it stops; without this, each of those
/// askers would wait for its deadline, a parked Ping's being its whole heartbeat. Only messages the entity routes
/// (<see cref="IRoutedToChild"/>, or one already handed on, <see cref="HandedOn"/>) come back; the entity takes them
/// only from a child it knows failed that way (<see cref="AccountEntityActor"/>).
/// </para>
/// </summary>
public sealed class ChildLetterReturner : ReceiveActor
{
    /// <summary>The actor's name under <c>/user</c>.</summary>
    public const string Name = "child-letters";

    private readonly string _region;

    /// <param name="region">
    /// The account shard region, the grandparent of every account entity (region, shard, entity, child); in tests, the
    /// actor that stands in for it.
    /// </param>
    public ChildLetterReturner(ActorPath region)
    {
        _region = region.ToStringWithoutAddress();
        Receive<DeadLetter>(Return);
    }

    /// <summary>Props of the returner for the entities under <paramref name="region"/>.</summary>
    public static Props PropsFor(ActorPath region) => Props.Create(() => new ChildLetterReturner(region));

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Return(DeadLetter letter)
    {
        if (letter.Message is not (IRoutedToChild or HandedOn)) return;
        var path = letter.Recipient.Path;
        if (path.Depth < 4 || path.Parent.Parent.Parent.ToStringWithoutAddress() != _region) return;
        Context.ActorSelection(path.Parent).Tell(new ReturnedLetter(letter.Recipient, letter.Message, letter.Sender));
    }
}
