namespace Eas.Actors.Kernel;

/// <summary>
/// Base class of every actor. The kernel calls <see cref="ReceiveAsync"/> with exactly one message at a time,
/// in mailbox order, so the actor's fields need no locks. Awaiting inside <see cref="ReceiveAsync"/> holds the
/// mailbox until the await completes: use it for a quick durable write, never for a long wait (a parked
/// request is state: keep its <see cref="ReplyTo{T}"/> and answer later).
/// <para>
/// Supervision: when <see cref="ReceiveAsync"/> throws, the instance is discarded (<see cref="PostStopAsync"/>
/// runs), the failing message is dropped and its ask, if any, fails with the thrown exception, and a new
/// instance is created by the factory; <see cref="PreStartAsync"/> must therefore reload everything the actor
/// needs from durable state. Later messages in the mailbox are kept.
/// </para>
/// </summary>
public abstract class Actor
{
    private IActorContext? _context;

    /// <summary>The actor's context; available from <see cref="PreStartAsync"/> on, not in the constructor.</summary>
    protected IActorContext Context =>
        _context ?? throw new InvalidOperationException("The actor context is available from PreStartAsync on, not in the constructor.");

    /// <summary>
    /// Whether an idle entity may be passivated now. Return false while holding something that must outlive
    /// idleness, such as a parked long-poll reply or a running watcher. Asked on the actor's own turn.
    /// </summary>
    protected internal virtual bool CanPassivate => true;

    internal void Attach(IActorContext context) => _context = context;

    /// <summary>Handles one message. An exception restarts the actor (see the class remarks).</summary>
    protected internal abstract Task ReceiveAsync(object message);

    /// <summary>Runs before the first message of each instance: load persisted state and start timers here.
    /// If it throws, the message that woke the actor is dropped (its ask fails with that exception, so a
    /// store outage reaches the HTTP edge as itself), the failure counts as a restart, and the next message
    /// tries a fresh instance; <see cref="PostStopAsync"/> is not called for the instance that failed.</summary>
    protected internal virtual Task PreStartAsync() => Task.CompletedTask;

    /// <summary>Runs once when the instance stops, passivates, restarts or the system shuts down; timers are
    /// already cancelled. A parked request may be answered here.</summary>
    protected internal virtual Task PostStopAsync() => Task.CompletedTask;
}
