using System.Collections.Immutable;
using Akka.Actor;
using Eas.Actors.Devices;
using Eas.Actors.Mailboxes;
using Eas.Actors.Timing;
using Eas.Wire.Commands.Ping;

namespace Eas.Actors.Cluster;

/// <summary>
/// The plain Pings (MS-ASCMD 2.2.1.13) an account entity holds for its devices, so a device does not stay in memory,
/// with all its sync state, for a heartbeat of up to an hour. Each is the asker, the request id, the watched folders
/// and a heartbeat deadline on the node's <see cref="DeadlineWheel"/>. A held Ping ends with Status 2 when the mailbox
/// tells of a change in a watched folder, with Status 1 at its heartbeat or when the entity stops, silently when the
/// phone hangs up; or it goes back to its device with the device's next request (<see cref="Release"/>), whose rules
/// end it. Kept on the entity's turn only.
/// </summary>
/// <remarks>
/// After the entity answered a held Ping, it keeps the Ping's trace (when it parked, its heartbeat) until the device's
/// next request, so the device's loop watch (<see cref="LoopDetector"/>) sees a fast re-park even if the device
/// passivated meanwhile.
/// </remarks>
internal sealed class HeldPings(AccountEntitySettings settings, IActorRef entity, IScheduler scheduler)
{
    private readonly Dictionary<string, Held> _held = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PingTrace> _traces = new(StringComparer.Ordinal);
    private long _tokens;

    /// <summary>Pings held now.</summary>
    public int Count => _held.Count;

    /// <summary>Whether a Ping of the device <paramref name="deviceKey"/> is held now.</summary>
    public bool Holds(string deviceKey) => _held.ContainsKey(deviceKey);

    /// <summary>Holds <paramref name="ping"/> until its heartbeat; an older one still held for the device (never expected) ends with Status 1.</summary>
    public void Hold(HoldPing ping)
    {
        if (_held.Remove(ping.DeviceKey, out var older))
        {
            Cancel(older);
            End(older, Expired, "superseded");
        }
        _traces.Remove(ping.DeviceKey);
        var held = new Held(ping, ++_tokens, entity);
        var delay = ping.Trace.Due - settings.Clock.GetUtcNow();
        if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
        if (settings.Deadlines is { } wheel) wheel.Schedule(held, delay);
        else held.WithoutWheel = scheduler.ScheduleTellOnceCancelable(delay, entity, held.Heartbeat, ActorRefs.NoSender);
        _held[ping.DeviceKey] = held;
        EntityLog.PingHeld(settings.Logger, ping.DeviceKey, ping.Trace.HeartbeatSeconds);
    }

    /// <summary>
    /// The mailbox saw <paramref name="changed"/> in folders the device watches: Status 2 with their folder ids. True when
    /// that ended the held Ping (its watch is to be dropped); false when none is held or none of its folders changed.
    /// </summary>
    public bool Changed(string deviceKey, FoldersChanged changed)
    {
        if (!_held.TryGetValue(deviceKey, out var held)) return false;
        var folders = held.Ping.FolderIdsByName;
        var ids = changed.FolderNames.Select(name => folders.GetValueOrDefault(name)).OfType<string>().Distinct(StringComparer.Ordinal).ToImmutableArray();
        if (ids.IsEmpty) return false;
        var latency = settings.Clock.GetUtcNow() - changed.DetectedAt;
        settings.Metrics?.PushLatency(latency);
        DeviceLog.Pushed(settings.Logger, deviceKey, latency.TotalMilliseconds);
        Remove(deviceKey, held);
        End(held, new RespondWith(new PingResponse(PingStatus.ChangesFound) { Folders = ids }), "changed");
        return true;
    }

    /// <summary>The heartbeat of a held Ping passed: Status 1. True when it ended the Ping still held.</summary>
    public bool Heartbeat(HeldPingHeartbeat heartbeat)
    {
        if (!_held.TryGetValue(heartbeat.DeviceKey, out var held) || held.Token != heartbeat.Token) return false;
        Remove(heartbeat.DeviceKey, held);
        End(held, Expired, "timeout");
        return true;
    }

    /// <summary>The phone hung up on request <paramref name="requestId"/>: drop it without an answer. True when it was held.</summary>
    public bool Abandon(string deviceKey, Guid requestId)
    {
        if (!_held.TryGetValue(deviceKey, out var held) || held.Ping.RequestId != requestId) return false;
        Remove(deviceKey, held);
        Unparked(deviceKey, "aborted");
        return true;
    }

    /// <summary>
    /// A newer request of the device reached it before the Ping it handed over reached the entity: Status 1, as the
    /// device would have answered. True when it was held.
    /// </summary>
    public bool Supersede(string deviceKey)
    {
        if (!_held.TryGetValue(deviceKey, out var held)) return false;
        Remove(deviceKey, held, keepTrace: false);
        End(held, Expired, "superseded");
        return true;
    }

    /// <summary>
    /// A request of the device is routed to it: hand back the Ping held for it (or the trace of the last one answered
    /// here); null when there is neither. The Ping's heartbeat is the device's again.
    /// </summary>
    public ReturnHeldPing? Release(string deviceKey)
    {
        if (_held.Remove(deviceKey, out var held))
        {
            Cancel(held);
            return new ReturnHeldPing(held.Ping, held.Ping.Trace);
        }

        return _traces.Remove(deviceKey, out var trace) ? new ReturnHeldPing(null, trace) : null;
    }

    /// <summary>The entity stops (hand-off, node shutdown): every held Ping ends with Status 1, so its phone reconnects at once.</summary>
    public void EndAll()
    {
        foreach (var held in _held.Values)
        {
            Cancel(held);
            End(held, Expired, "shutdown");
        }

        _held.Clear();
        _traces.Clear();
    }

    private static RespondWith Expired => new(new PingResponse(PingStatus.Expired));

    /// <summary>
    /// Drops a held Ping that ends here. Its trace stays for the device's next request, unless that request is what ends
    /// it (the device's loop watch then has it already).
    /// </summary>
    private void Remove(string deviceKey, Held held, bool keepTrace = true)
    {
        _held.Remove(deviceKey);
        Cancel(held);
        if (keepTrace) _traces[deviceKey] = held.Ping.Trace;
    }

    private void End(Held held, CommandOutcome answer, string outcome)
    {
        Unparked(held.Ping.DeviceKey, outcome);
        held.Ping.Reply.Tell(answer);
    }

    private void Unparked(string deviceKey, string outcome)
    {
        settings.Metrics?.Unparked(outcome);
        EntityLog.PingEnded(settings.Logger, deviceKey, outcome);
    }

    private static void Cancel(Held held)
    {
        held.Cancel();
        held.WithoutWheel?.Cancel();
    }

    /// <summary>A held Ping and its heartbeat deadline in one object: the wheel links it, and when it passes it tells the entity.</summary>
    private sealed class Held(HoldPing ping, long token, IActorRef entity) : Deadline
    {
        public HoldPing Ping { get; } = ping;

        public long Token { get; } = token;

        /// <summary>The heartbeat on Akka's scheduler when the node has no wheel (tests).</summary>
        public ICancelable? WithoutWheel { get; set; }

        public HeldPingHeartbeat Heartbeat => new(Ping.DeviceKey, Token);

        protected internal override void Expire() => entity.Tell(Heartbeat, ActorRefs.NoSender);
    }
}
