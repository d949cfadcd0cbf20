using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Eas.Actors.Kernel;

/// <summary>
/// All entities of one kind, keyed by id (ids are lower-cased by the caller; the region compares them
/// ordinally). An entity starts on its first message, and is passivated after
/// <see cref="EntityRegionOptions.IdleTimeout"/> without messages unless <see cref="Actor.CanPassivate"/> vetoes.
/// <para>
/// No message is lost to passivation: a message that reaches an entity while it is stopping waits in its
/// mailbox, and once <see cref="Actor.PostStopAsync"/> has finished a fresh instance (which reloads the state
/// just saved) handles it. Only after the mailbox is found empty under the posting lock is the entity removed,
/// and a message that arrives later starts a new entity. Two incarnations of one id never run at once.
/// </para>
/// </summary>
public sealed class EntityRegion : ICellHost
{
    private readonly ConcurrentDictionary<string, ActorCell> _entities = new(StringComparer.Ordinal);
    private readonly Func<string, Actor> _factory;
    private readonly TimeSpan _idleTimeout;
    private readonly ITimer _sweep;
    private ILogger? _actorLogger;
    private int _count;

    internal EntityRegion(ActorSystem system, string kind, Func<string, Actor> factory, EntityRegionOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.IdleTimeout, TimeSpan.Zero);
        System = system;
        Kind = kind;
        _factory = factory;
        _idleTimeout = options.IdleTimeout;
        var interval = options.SweepInterval ?? TimeSpan.FromTicks(Math.Max(options.IdleTimeout.Ticks / 4, TimeSpan.TicksPerSecond));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _sweep = ClockTimers.Create(system.Clock, static s => ((EntityRegion)s!).Sweep(), this, interval, interval);
    }

    /// <summary>The entity kind, e.g. <c>device</c>; the <c>kind</c> tag of this region's metrics.</summary>
    public string Kind { get; }

    /// <summary>Entities currently alive (started and not yet passivated or stopped).</summary>
    public int Count => Volatile.Read(ref _count);

    public ActorSystem System { get; }

    bool ICellHost.RestartsOnLeftovers => true;

    TimeSpan ICellHost.IdleTimeout => _idleTimeout;

    /// <summary>Tells entity <paramref name="id"/>, starting it if it is not alive.</summary>
    public void Tell(string id, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Post(id, new Envelope(message, null));
    }

    /// <summary>Asks entity <paramref name="id"/>; see <see cref="AskExtensions.Ask{TReply}"/>.</summary>
    public Task<TReply> Ask<TReply>(string id, Func<ReplyTo<TReply>, object> build, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        GetRef(id).Ask(build, timeout, cancellationToken);

    /// <summary>A reference to entity <paramref name="id"/> that stays valid across passivation.</summary>
    public IActorRef GetRef(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new EntityRef(this, id);
    }

    internal void Post(string id, in Envelope envelope)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        while (true)
        {
            if (_entities.TryGetValue(id, out var cell))
            {
                if (cell.TryPost(envelope))
                {
                    return;
                }

                continue;
            }

            if (System.IsShuttingDown)
            {
                System.DeadLetter(Kind, Kind + "/" + id, envelope, "shutting down");
                return;
            }

            var fresh = new ActorCell(this, id);
            if (_entities.TryAdd(id, fresh))
            {
                Interlocked.Increment(ref _count);
                System.CellStarted();
                fresh.TryPost(envelope);
                System.StopIfLate(fresh);
                return;
            }
        }
    }

    internal void StopSweeping() => _sweep.Dispose();

    internal void PostToAll(SystemMessage message)
    {
        foreach (var cell in _entities.Values)
        {
            cell.TryPost(new Envelope(message, null), recordDepth: false);
        }
    }

    internal int DeepestMailbox()
    {
        var deepest = 0;
        foreach (var cell in _entities.Values)
        {
            deepest = Math.Max(deepest, cell.MailboxDepth);
        }

        return deepest;
    }

    Actor ICellHost.CreateActor(string? id) => _factory(id!);

    ILogger ICellHost.GetActorLogger(Type actorType) => _actorLogger ??= System.LoggerFactory.CreateLogger(actorType);

    void ICellHost.Route(ActorCell cell, in Envelope envelope) => Post(cell.EntityId!, envelope);

    void ICellHost.Detach(ActorCell cell)
    {
        if (_entities.TryRemove(new KeyValuePair<string, ActorCell>(cell.EntityId!, cell)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private void Sweep()
    {
        var now = System.Clock.GetTimestamp();
        foreach (var cell in _entities.Values)
        {
            cell.RequestPassivationIfIdle(now, _idleTimeout);
        }
    }
}
