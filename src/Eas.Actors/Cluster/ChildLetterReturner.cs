using Akka.Actor;
using Akka.Event;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

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
/// <para>
/// Once such a child has stopped, its entity asks for <see cref="FlushLetters"/> and starts the next incarnation only on
/// <see cref="LettersFlushed"/>: the child's dead letters were published before its entity learnt of the stop, so they
/// are ahead of the request here and every one of them has gone back to the entity before the answer does. The
/// returned letters so reach the next incarnation before anything the entity held for it meanwhile, in the order the
/// phone sent them.
/// </para>
/// <para>
/// A parked Ping lost on its way between an entity and its device (<see cref="LostHeldPing"/>) is answered here with
/// Status 1: a <see cref="HoldPing"/> dead at a stopping entity, or a returned letter carrying a
/// <see cref="ReturnHeldPing"/> dead because the entity too has stopped.
/// </para>
/// </summary>
public sealed class ChildLetterReturner : ReceiveActor
{
    /// <summary>The actor's name under <c>/user</c>.</summary>
    public const string Name = "child-letters";

    /// <summary>Where an account entity finds the returner of its node.</summary>
    public const string Path = "/user/" + Name;

    private readonly string _region;
    private readonly ILogger _logger;
    private readonly Diagnostics.PushMetrics? _metrics;

    /// <param name="region">
    /// The account shard region, the grandparent of every account entity (region, shard, entity, child); in tests, the
    /// actor that stands in for it.
    /// </param>
    /// <param name="logger">Where a lost Ping answered here is logged.</param>
    /// <param name="metrics">Push instruments: a lost Ping answered here ends as parked (outcome <c>lost</c>).</param>
    public ChildLetterReturner(ActorPath region, ILogger logger, Diagnostics.PushMetrics? metrics)
    {
        _region = region.ToStringWithoutAddress();
        _logger = logger;
        _metrics = metrics;
        Receive<DeadLetter>(Return);
        Receive<FlushLetters>(flush => Sender.Tell(new LettersFlushed(flush.Child)));
    }

    /// <summary>Props of the returner for the entities under <paramref name="region"/>.</summary>
    public static Props PropsFor(ActorPath region, ILogger? logger = null, Diagnostics.PushMetrics? metrics = null) =>
        Props.Create(() => new ChildLetterReturner(region, logger ?? NullLogger.Instance, metrics));

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Return(DeadLetter letter)
    {
        var path = letter.Recipient.Path;
        if (letter.Message is HoldPing or ReturnedLetter)
        {
            if (IsUnder(path, 2) && LostHeldPing.Of(letter.Message) is { } ping)
                LostHeldPing.Answer(ping, _logger, _metrics, letter.Message is HoldPing ? "held by a stopping entity" : "given back to a device whose entity stopped");
            return;
        }

        if (letter.Message is not (IRoutedToChild or HandedOn) || !IsUnder(path, 3)) return;
        var returned = new ReturnedLetter(letter.Recipient, letter.Message, letter.Sender);
        // Told to the entity's own ref, not a selection: one that has stopped too makes it a dead letter, seen above.
        if (letter.Recipient is IInternalActorRef { Parent: { } entity }) entity.Tell(returned);
        else Context.ActorSelection(path.Parent).Tell(returned);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="levels"/> below the region (2: an entity, 3: its child).</summary>
    private bool IsUnder(ActorPath path, int levels)
    {
        var ancestor = path;
        for (var i = 0; i < levels && ancestor.Depth > 0; i++) ancestor = ancestor.Parent;
        return path.Depth >= levels + 1 && ancestor.ToStringWithoutAddress() == _region;
    }
}

/// <summary>
/// From an account entity to its node's <see cref="ChildLetterReturner"/>: the failed child <paramref name="Child"/> has
/// stopped; answer <see cref="LettersFlushed"/> once every letter it left has been handed back.
/// </summary>
public sealed record FlushLetters(IActorRef Child);

/// <summary>Every dead letter <paramref name="Child"/> left has been handed back to its entity (<see cref="FlushLetters"/>).</summary>
public sealed record LettersFlushed(IActorRef Child);
