using Microsoft.Extensions.Logging;

namespace Eas.Actors.Kernel;

/// <summary>
/// What an actor may use while it runs. Valid from <see cref="Actor.PreStartAsync"/> until
/// <see cref="Actor.PostStopAsync"/> returns, and only on the actor's own turn: never from a background task,
/// which must talk to the actor through <see cref="Self"/> instead.
/// </summary>
public interface IActorContext
{
    /// <summary>This actor's reference; for an entity it routes through its region, so it outlives passivation.</summary>
    IActorRef Self { get; }

    /// <summary>The actor's timers; they deliver through the mailbox and are all cancelled when the instance stops.</summary>
    ITimerScheduler Timers { get; }

    /// <summary>A logger whose category is the actor's type.</summary>
    ILogger Logger { get; }

    /// <summary>The system clock (a fake one in tests); use it for timestamps so tests stay deterministic.</summary>
    TimeProvider Clock { get; }

    /// <summary>The actor kind, e.g. <c>device</c>.</summary>
    string Kind { get; }

    /// <summary>The entity id for an entity (lower-cased by the caller that first told it); null for a top-level actor.</summary>
    string? EntityId { get; }

    /// <summary>
    /// Ends this incarnation once the current message has been handled: timers are cancelled and
    /// <see cref="Actor.PostStopAsync"/> runs. For an entity, messages already queued (or arriving later)
    /// start a fresh incarnation that reloads its state; for a top-level actor they become dead letters.
    /// </summary>
    void Stop();
}
