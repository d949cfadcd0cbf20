using Akka.Actor;
using Eas.Actors.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Actors.Cluster;

/// <summary>How an <see cref="AccountEntityActor"/> makes its children.</summary>
/// <param name="Gate">The account gate's props, by account id.</param>
/// <param name="Mailbox">The mailbox's props, by account id.</param>
/// <param name="Device">A device's props, by account id and lower-cased DeviceId.</param>
public sealed record AccountEntitySettings(Func<string, Props> Gate, Func<string, Props> Mailbox, Func<string, string, Props> Device)
{
    /// <summary>How long an entity whose children have all stopped stays before it passivates.</summary>
    public TimeSpan EmptyLinger { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Budgets over all the account's devices, checked before a device's request is routed.</summary>
    public AccountBudgetLimits Budgets { get; init; } = new();

    /// <summary>The clock of the account's request budget.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Live entities of each kind on this node, for operators.</summary>
    public EntityCounts? Counts { get; init; }

    /// <summary>
    /// The mailbox the children get (<see cref="LeanMailbox.Id"/> in the server, whose configuration names it); null:
    /// Akka's default for each.
    /// </summary>
    public string? ChildMailbox { get; init; }

    /// <summary>
    /// The node's timer for the heartbeats of the Pings the entity holds for its devices (<see cref="HeldPings"/>); null
    /// (tests) schedules each on Akka's scheduler instead.
    /// </summary>
    public Timing.DeadlineWheel? Deadlines { get; init; }

    /// <summary>Push instruments, for the Pings the entity holds and answers.</summary>
    public Diagnostics.PushMetrics? Metrics { get; init; }

    /// <summary>
    /// The account shard region, where an entity being handed off sends on what reached it too late
    /// (<see cref="HandOffAccount"/>); null: the region of this actor system, looked up when needed.
    /// </summary>
    public IActorRef? Region { get; init; }

    /// <summary>Where the entity logs: held Pings, and what it hands to a child's next incarnation (<see cref="EntityLog"/>).</summary>
    public Microsoft.Extensions.Logging.ILogger Logger { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}
