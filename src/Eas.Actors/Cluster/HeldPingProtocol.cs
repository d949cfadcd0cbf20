using System.Collections.Immutable;
using Akka.Actor;

namespace Eas.Actors.Cluster;

/// <summary>
/// From a device to its account entity: hold this parked Ping (MS-ASCMD 2.2.1.13) in my place, so I can passivate
/// while it waits. The device has registered its watch on the mailbox with the entity as the target (the watch key is
/// <paramref name="DeviceKey"/>); the entity answers the Ping on a change or at its heartbeat, or gives it back with
/// the device's next request (<see cref="ReturnHeldPing"/>). Local to one node: device and entity are parent and child.
/// </summary>
/// <param name="DeviceKey">The device's key in the mailbox's watch list (<see cref="Devices.DeviceActor.KeyOf"/>).</param>
/// <param name="Reply">Who waits for the answer: the HTTP edge's asker, possibly on another node.</param>
/// <param name="RequestId">The parked request's id, for <see cref="Devices.AbandonRequest"/>.</param>
/// <param name="FolderIdsByName">The watched folders, IMAP name (or polled collection's name) to folder id.</param>
/// <param name="Trace">When it parked and its heartbeat.</param>
internal sealed record HoldPing(string DeviceKey, IActorRef Reply, Guid RequestId, ImmutableDictionary<string, string> FolderIdsByName, PingTrace Trace);

/// <summary>
/// When a Ping parked and its heartbeat in seconds: its deadline, and what the device's loop watch
/// (<see cref="Devices.LoopDetector"/>) needs of it when the device's next request comes.
/// </summary>
internal sealed record PingTrace(DateTimeOffset ParkedAt, int HeartbeatSeconds)
{
    /// <summary>When the heartbeat passes.</summary>
    public DateTimeOffset Due => ParkedAt.AddSeconds(HeartbeatSeconds);
}

/// <summary>
/// From the entity to a device, just ahead of the device's next request: the Ping the entity held for it, still
/// parked (<paramref name="Ping"/>), or only the <paramref name="Trace"/> of one the entity has answered. The device
/// takes the Ping back so its own rules end it as before (a throttled request leaves it parked, any other answers it
/// with Status 1 first), and its loop watch goes on from the trace even when the device was passivated meanwhile. Routed
/// like a request: a device whose journal failed before it read this gets it in its next incarnation.
/// </summary>
internal sealed record ReturnHeldPing(HoldPing? Ping, PingTrace Trace) : IRoutedToChild;

/// <summary>
/// From a device back to its entity: a message for the Ping it has just handed over (a change, an abandon) that the
/// entity routed to the device before the hand-over reached it. The entity applies it to the Ping it holds, if any,
/// and never routes it again.
/// </summary>
internal sealed record ForHeldPing(string DeviceKey, object Message);

/// <summary>The heartbeat of the Ping the entity holds for <paramref name="DeviceKey"/> has passed (only if <paramref name="Token"/> is still the one held).</summary>
internal sealed record HeldPingHeartbeat(string DeviceKey, long Token);

/// <summary>
/// Carried by <see cref="ForHeldPing"/>: a newer request of the device reached it before the entity had the Ping the
/// device handed over, so the entity could not give it back; the entity ends it with Status 1 as the device would.
/// </summary>
internal sealed record SupersedeHeldPing
{
    public static readonly SupersedeHeldPing Instance = new();
}
