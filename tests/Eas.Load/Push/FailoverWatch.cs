namespace Eas.Load.Push;

/// <summary>
/// Which phones a node's death reached and when each was answered again, counted from the kill. A phone is
/// <em>affected</em> once a request of its fails after the kill (its connection to the killed node dropped, a node
/// answered 503 or the request timed out: its account's entity lived on the killed node, or its connection did); it is
/// <em>answered again</em> at the first answer after its last failure. A phone whose parked Ping was lost with the
/// killed node without its connection dropping is not affected until its own Ping timeout gives up on it, which is
/// why <see cref="FailoverPhase"/> also waits for the surviving nodes to hold every Ping. Forced resyncs (a Sync or
/// FolderSync answered Status 3, 9 or 12: the phone must start over from SyncKey 0, MS-ASCMD 2.2.3.177.16, 2.2.3.177.17)
/// are counted. The kill's window runs from the kill until <see cref="Over"/> (failover over, or its limit passed): a
/// transient failure in it (the connection to the dead node dropped or refused, a timeout, a 5xx such as the 503 +
/// Retry-After of a shard still moving) is the kill's doing (<see cref="AtTheKill"/>), not an error.
/// Thread-safe: the phones report from their own tasks.
/// </summary>
internal sealed class FailoverWatch(int devices)
{
    private readonly TimeSpan?[] _failedAt = new TimeSpan?[devices];
    private readonly TimeSpan?[] _answeredAt = new TimeSpan?[devices];
    private readonly Lock _gate = new();
    private int _forcedResyncs;
    private long? _killedAt;
    private long? _overAt;

    /// <summary>The kill, as a <see cref="System.Diagnostics.Stopwatch"/> timestamp; nothing before it counts.</summary>
    public void Killed(long at)
    {
        lock (_gate) _killedAt = at;
    }

    /// <summary>Failover is over (or its limit passed) at <paramref name="at"/>, a timestamp: later failures are errors again.</summary>
    public void Over(long at)
    {
        lock (_gate) _overAt = at;
    }

    /// <summary>
    /// True when a failure at <paramref name="at"/> (a timestamp) that a phone retries (<paramref name="transient"/>:
    /// a dropped or refused connection, a timeout, HTTP 5xx) fell between the kill and the end of failover.
    /// </summary>
    public bool AtTheKill(long at, bool transient)
    {
        lock (_gate) return transient && _killedAt is { } killed && at >= killed && (_overAt is not { } over || at < over);
    }

    public bool Started
    {
        get
        {
            lock (_gate) return _killedAt is not null;
        }
    }

    /// <summary>A request of phone <paramref name="device"/> failed at <paramref name="at"/> (a timestamp).</summary>
    public void Failed(int device, long at)
    {
        lock (_gate)
        {
            if (Since(at) is not { } since) return;
            _failedAt[device] = since;
            _answeredAt[device] = null;
        }
    }

    /// <summary>A request of phone <paramref name="device"/> was answered (200 with the command's success) at <paramref name="at"/>.</summary>
    public void Answered(int device, long at)
    {
        lock (_gate)
        {
            if (Since(at) is not { } since || _failedAt[device] is null || _answeredAt[device] is not null) return;
            _answeredAt[device] = since;
        }
    }

    /// <summary>A phone was told to start a collection or its hierarchy over (Status 3, 9 or 12) after the kill.</summary>
    public void ForcedResync(long at)
    {
        lock (_gate)
        {
            if (Since(at) is not null) _forcedResyncs++;
        }
    }

    /// <summary>The counts now: phones affected, affected phones not answered again yet, forced resyncs, and when the last affected phone was answered again.</summary>
    public FailoverCounts Counts()
    {
        lock (_gate)
        {
            int affected = 0, waiting = 0;
            TimeSpan? last = null;
            for (var device = 0; device < _failedAt.Length; device++)
            {
                if (_failedAt[device] is null) continue;
                affected++;
                if (_answeredAt[device] is not { } answered) waiting++;
                else if (last is null || answered > last) last = answered;
            }

            return new FailoverCounts(affected, waiting, _forcedResyncs, waiting == 0 ? last : null);
        }
    }

    /// <summary>When each affected phone was answered again, in seconds since the kill, sorted; phones still waiting are left out.</summary>
    public IReadOnlyList<double> AnsweredSeconds()
    {
        lock (_gate) return [.. _answeredAt.OfType<TimeSpan>().Select(t => t.TotalSeconds).Order()];
    }

    private TimeSpan? Since(long at) =>
        _killedAt is { } killed && at >= killed ? System.Diagnostics.Stopwatch.GetElapsedTime(killed, at) : null;
}

/// <summary>Phones a kill reached, those of them not answered again yet, forced resyncs, and when the last was answered again (null while any waits).</summary>
internal sealed record FailoverCounts(int Affected, int Waiting, int ForcedResyncs, TimeSpan? AllAnsweredAfter);
