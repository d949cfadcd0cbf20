using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace Eas.Actors.Cluster;

/// <summary>
/// The mailbox of account entities and their children (<see cref="LeanMessageQueue"/>). Akka's unbounded mailbox
/// is a <c>ConcurrentQueue</c>, whose first segment of 32 slots (about 1 KB) is allocated with the queue and kept
/// while the actor lives; a device holding a parked Ping for an hour has an empty mailbox all that time, and there is
/// one per device. Given to an actor with <c>Props.WithMailbox(LeanMailbox.Id)</c> once <see cref="Hocon"/> is in the
/// actor system's configuration (<see cref="EasActorsHosting"/> adds it).
/// </summary>
public sealed class LeanMailbox(Settings settings, Config config) : MailboxType(settings, config), IProducesMessageQueue<LeanMessageQueue>
{
    /// <summary>The mailbox's configuration path, for <c>Props.WithMailbox</c>.</summary>
    public const string Id = "eas.lean-mailbox";

    /// <summary>The configuration that names the mailbox type under <see cref="Id"/>.</summary>
    public const string Hocon = Id + ".mailbox-type = \"Eas.Actors.Cluster.LeanMailbox, Eas.Actors\"";

    /// <inheritdoc />
    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new LeanMessageQueue();
}

/// <summary>
/// An unbounded deque of messages (many senders, the actor the only reader) that holds no storage until its first
/// message and only four slots while quiet: a ring buffer behind a lock, doubled when full and given back down to
/// four slots whenever it drains. Deque-based, as persistent actors and stashes need (<see cref="EnqueueFirst"/>
/// puts unstashed messages back in front, in the order the stash hands them over).
/// </summary>
public sealed class LeanMessageQueue : IMessageQueue, IUnboundedDequeBasedMessageQueueSemantics
{
    /// <summary>Slots of the ring a queue keeps while quiet; a power of two, as every capacity is.</summary>
    public const int QuietCapacity = 4;

    private readonly Lock _gate = new();
    private Envelope[]? _ring;
    private int _head;
    private int _count;

    /// <summary>Slots of the ring held now (0 before the first message): what a quiet actor's mailbox costs.</summary>
    public int Capacity => _ring?.Length ?? 0;

    /// <inheritdoc />
    public bool HasMessages => Volatile.Read(ref _count) > 0;

    /// <inheritdoc />
    public int Count => Volatile.Read(ref _count);

    /// <inheritdoc />
    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        lock (_gate)
        {
            var ring = RoomForOne();
            ring[(_head + _count) & (ring.Length - 1)] = envelope;
            Volatile.Write(ref _count, _count + 1);
        }
    }

    /// <inheritdoc />
    public void EnqueueFirst(Envelope envelope)
    {
        lock (_gate)
        {
            var ring = RoomForOne();
            _head = (_head - 1) & (ring.Length - 1);
            ring[_head] = envelope;
            Volatile.Write(ref _count, _count + 1);
        }
    }

    /// <inheritdoc />
    public bool TryDequeue(out Envelope envelope)
    {
        if (Volatile.Read(ref _count) == 0)
        {
            envelope = default;
            return false;
        }

        lock (_gate)
        {
            if (_count == 0 || _ring is not { } ring)
            {
                envelope = default;
                return false;
            }

            envelope = ring[_head];
            ring[_head] = default;
            _head = (_head + 1) & (ring.Length - 1);
            Volatile.Write(ref _count, _count - 1);
            if (_count == 0)
            {
                _head = 0;
                if (ring.Length > QuietCapacity) _ring = new Envelope[QuietCapacity];
            }

            return true;
        }
    }

    /// <inheritdoc />
    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out var envelope)) deadletters.Enqueue(owner, envelope);
    }

    /// <summary>The ring, made or doubled so that one more message fits, its messages in order from slot 0 after a doubling.</summary>
    private Envelope[] RoomForOne()
    {
        if (_ring is null) return _ring = new Envelope[QuietCapacity];
        if (_count < _ring.Length) return _ring;
        var larger = new Envelope[_ring.Length * 2];
        for (var i = 0; i < _count; i++) larger[i] = _ring[(_head + i) & (_ring.Length - 1)];
        _head = 0;
        return _ring = larger;
    }
}
