using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;

namespace Eas.Actors.Devices;

/// <summary>
/// When a device counts as looping, for the admin views. A phone resends a SyncKey once when a response was
/// lost (MS-ASCMD 2.2.3.181.4) and re-parks a Ping when its heartbeat ends or after it synced a change; a
/// phone that sends the same keys <see cref="SyncKeyReplays"/> times within <see cref="ReplayWindow"/>, or
/// parks <see cref="FastPings"/> Pings in a row each within a tenth of its heartbeat, is stuck. Zero turns a
/// rule off.
/// </summary>
public sealed record LoopLimits(int SyncKeyReplays = 10, int FastPings = 10)
{
    /// <summary>The time within which the same SyncKeys count as replays.</summary>
    public TimeSpan ReplayWindow { get; init; } = TimeSpan.FromMinutes(1);
}

/// <summary>Why a device was flagged as looping, and when it last showed it.</summary>
/// <param name="Reason">What the device did, in words for an operator.</param>
/// <param name="At">When the device last did it.</param>
public sealed record LoopReport(string Reason, DateTimeOffset At);

/// <summary>
/// Watches one device's requests for the loops of <see cref="LoopLimits"/>. Kept by the device actor in memory
/// only: the flag is for operators looking now, and a device that passivated (quiet for minutes) has stopped
/// looping anyway. The flag stays, with the time it was last seen, until the actor passivates.
/// </summary>
public sealed class LoopDetector(LoopLimits limits)
{
    private string? _syncKeys;
    private DateTimeOffset _syncKeysSince;
    private int _syncKeyUses;
    private DateTimeOffset? _pingParkedAt;
    private int _pingHeartbeat;
    private int _fastPings;

    /// <summary>The device's loop, if it ever showed one.</summary>
    public LoopReport? Current { get; private set; }

    /// <summary>A Ping parked with a heartbeat of <paramref name="heartbeatSeconds"/>.</summary>
    public void PingParked(DateTimeOffset now, int heartbeatSeconds)
    {
        _pingParkedAt = now;
        _pingHeartbeat = heartbeatSeconds;
    }

    /// <summary>
    /// Nothing counts towards a loop now: no fast re-parks in a row, no SyncKey sent twice, no flag. Only then may the
    /// device passivate early while its entity holds its Ping, since what is counted here lives in the device's memory.
    /// </summary>
    public bool Quiet => Current is null && _fastPings == 0 && _syncKeyUses <= 1;

    /// <summary>
    /// Goes on from the Ping its account entity held (<see cref="Cluster.PingTrace"/>): its device may have passivated
    /// meanwhile, and the next request is measured against when that Ping parked.
    /// </summary>
    internal void Resume(Cluster.PingTrace trace) => PingParked(trace.ParkedAt, trace.HeartbeatSeconds);

    /// <summary>Takes in a request as it arrives; returns the report when this request shows a loop.</summary>
    public LoopReport? Observe(EasCommand command, object? body, DateTimeOffset now)
    {
        var parkedAt = _pingParkedAt;
        _pingParkedAt = null;
        if (command == EasCommand.Ping) return ObservePing(parkedAt, now);
        _fastPings = 0;
        return command == EasCommand.Sync && body is SyncRequest { Collections.IsEmpty: false } sync ? ObserveSync(sync, now) : null;
    }

    private LoopReport? ObservePing(DateTimeOffset? parkedAt, DateTimeOffset now)
    {
        var fast = parkedAt is { } at && (now - at).TotalSeconds < _pingHeartbeat / 10.0;
        _fastPings = fast ? _fastPings + 1 : 0;
        return limits.FastPings > 0 && _fastPings >= limits.FastPings
            ? Flag($"Ping re-parked {_fastPings} times in a row, each within a tenth of its {_pingHeartbeat} s heartbeat", now)
            : null;
    }

    private LoopReport? ObserveSync(SyncRequest sync, DateTimeOffset now)
    {
        var keys = string.Join(", ", sync.Collections.Select(c => $"{c.CollectionId}:{c.SyncKey}"));
        if (keys == _syncKeys && now - _syncKeysSince <= limits.ReplayWindow)
        {
            _syncKeyUses++;
        }
        else
        {
            _syncKeys = keys;
            _syncKeysSince = now;
            _syncKeyUses = 1;
        }

        return limits.SyncKeyReplays > 0 && _syncKeyUses >= limits.SyncKeyReplays
            ? Flag($"Sync key {keys} replayed {_syncKeyUses} times within {(now - _syncKeysSince).TotalSeconds:0} s", now)
            : null;
    }

    private LoopReport Flag(string reason, DateTimeOffset now) => Current = new LoopReport(reason, now);
}
