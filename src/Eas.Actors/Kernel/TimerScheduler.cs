namespace Eas.Actors.Kernel;

/// <summary>
/// One actor's timers. Each timer is one <see cref="ITimer"/> from the system clock whose tick posts its own
/// <see cref="Entry"/> to the mailbox: no task and no allocation per tick. On delivery the entry must still
/// be the current one for its key, which is how ticks of replaced or cancelled timers are dropped.
/// Used only on the actor's turn, so the dictionary needs no lock.
/// </summary>
internal sealed class TimerScheduler : ITimerScheduler
{
    private readonly ActorCell _cell;
    private readonly TimeProvider _clock;
    private readonly Dictionary<object, Entry> _entries = [];

    public TimerScheduler(ActorCell cell, TimeProvider clock)
    {
        _cell = cell;
        _clock = clock;
    }

    public int Count => _entries.Count;

    public void StartSingle(object key, object message, TimeSpan delay) =>
        Start(key, message, delay, Timeout.InfiniteTimeSpan);

    public void StartPeriodic(object key, object message, TimeSpan interval) =>
        StartPeriodic(key, message, interval, interval);

    public void StartPeriodic(object key, object message, TimeSpan initialDelay, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Start(key, message, initialDelay, interval);
    }

    public bool Cancel(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_entries.Remove(key, out var entry))
        {
            return false;
        }

        entry.Timer?.Dispose();
        return true;
    }

    public bool IsActive(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _entries.ContainsKey(key);
    }

    public void CancelAll()
    {
        foreach (var entry in _entries.Values)
        {
            entry.Timer?.Dispose();
        }

        _entries.Clear();
    }

    /// <summary>Turns a delivered tick into the actor's message, or returns false for a stale tick.</summary>
    public bool TryConsume(Entry tick, out object message)
    {
        if (!_entries.TryGetValue(tick.Key, out var current) || !ReferenceEquals(current, tick))
        {
            message = null!;
            return false;
        }

        message = tick.Message;
        if (!tick.Periodic)
        {
            _entries.Remove(tick.Key);
            tick.Timer?.Dispose();
        }

        return true;
    }

    private void Start(object key, object message, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        Cancel(key);
        var entry = new Entry(_cell, key, message, period != Timeout.InfiniteTimeSpan);
        _entries[key] = entry;
        entry.Timer = ClockTimers.Create(_clock, static s => ((Entry)s!).Fire(), entry, dueTime, period);
    }

    /// <summary>A started timer; the object itself is the mailbox message of each tick.</summary>
    internal sealed class Entry(ActorCell cell, object key, object message, bool periodic)
    {
        public object Key { get; } = key;

        public object Message { get; } = message;

        public bool Periodic { get; } = periodic;

        public ITimer? Timer { get; set; }

        public void Fire() => cell.TryPost(new Envelope(this, null), recordDepth: false);
    }
}
