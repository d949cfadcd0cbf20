namespace Eas.Load.Push;

/// <summary>
/// When the phones of a push bench count as settled once all have set up: every Ping that should be parked
/// (<see cref="PushCounters.Parkable"/>) has been parked without a break for <c>steadyFor</c>; a moment when one is
/// not (a Ping answered, a device syncing) starts the count again. Gives up <c>maxWait</c> after the first observation,
/// so a device that never parks again cannot hold the run. Fed observations with the time they were made, so it is a
/// pure function of them.
/// </summary>
internal sealed class SettleWatch(TimeSpan steadyFor, TimeSpan maxWait)
{
    private TimeSpan? _start;
    private TimeSpan _steadySince;

    public SettleState Observe(TimeSpan now, int parked, int parkable)
    {
        if (_start is not { } start)
        {
            _start = start = now;
            _steadySince = now;
        }

        if (parked != parkable) _steadySince = now;
        if (now - _steadySince >= steadyFor) return SettleState.Settled;
        return now - start >= maxWait ? SettleState.GaveUp : SettleState.Waiting;
    }
}

/// <summary>What a <see cref="SettleWatch"/> says after an observation.</summary>
internal enum SettleState
{
    Waiting,
    Settled,
    GaveUp,
}
