namespace Eas.Host.Diagnostics.Live;

/// <summary>
/// One command's counters since start, changed with interlocked operations only, so requests never wait on
/// each other here. Durations are kept in <see cref="TimeSpan"/> ticks. Besides the maximum since start, the
/// maximum of the current and the previous minute is kept (<see cref="Rotate"/>), so a reader can show how
/// slow the command is now, which the cumulative maximum cannot say.
/// </summary>
internal sealed class CommandCounters(string name)
{
    private long _requests;
    private long _errors;
    private long _inFlight;
    private long _totalTicks;
    private long _maxTicks;
    private long _minuteMaxTicks;
    private long _previousMinuteMaxTicks;

    public string Name { get; } = name;

    public void Started() => Interlocked.Increment(ref _inFlight);

    /// <param name="started">Whether <see cref="Started"/> was called for this request, so it is in flight until now.</param>
    /// <param name="error">Whether the answer was a server error (HTTP 5xx).</param>
    /// <param name="ticks">The request's duration in <see cref="TimeSpan"/> ticks.</param>
    public void Completed(bool started, bool error, long ticks)
    {
        if (started) Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _requests);
        if (error) Interlocked.Increment(ref _errors);
        Interlocked.Add(ref _totalTicks, ticks);
        RaiseTo(ref _maxTicks, ticks);
        RaiseTo(ref _minuteMaxTicks, ticks);
    }

    /// <summary>A new minute begins: the current minute's maximum becomes the previous one's.</summary>
    public void Rotate() => Volatile.Write(ref _previousMinuteMaxTicks, Interlocked.Exchange(ref _minuteMaxTicks, 0));

    /// <summary>Whether the command was ever asked for; commands never seen are left out of snapshots.</summary>
    public bool Seen => Volatile.Read(ref _requests) > 0 || Volatile.Read(ref _inFlight) > 0;

    public CommandStats Read() => new(
        Name,
        Volatile.Read(ref _requests),
        Volatile.Read(ref _errors),
        Volatile.Read(ref _inFlight),
        Milliseconds(Volatile.Read(ref _totalTicks)),
        Milliseconds(Volatile.Read(ref _maxTicks)),
        Milliseconds(Math.Max(Volatile.Read(ref _minuteMaxTicks), Volatile.Read(ref _previousMinuteMaxTicks))));

    private static double Milliseconds(long ticks) => ticks / (double)TimeSpan.TicksPerMillisecond;

    private static void RaiseTo(ref long location, long value)
    {
        var current = Volatile.Read(ref location);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
