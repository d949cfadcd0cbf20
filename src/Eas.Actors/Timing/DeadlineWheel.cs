namespace Eas.Actors.Timing;

/// <summary>
/// One timer per node for every deadline counted in seconds that is usually cancelled before it passes: a parked
/// Ping's heartbeat (MS-ASCMD 2.2.3.79.1) and the HTTP edge's deadline on its one ask. A hashed wheel: a deadline is
/// one small object linked into the slot of its due tick; scheduling and cancelling take a lock and move two
/// references, and the one periodic timer walks a slot per tick. A parked Ping so holds neither a timer of its own nor
/// a <see cref="CancellationTokenSource"/>, which is what Akka's timers and a timed ask each allocate.
/// </summary>
/// <remarks>
/// A deadline fires at or after its delay, at most one <see cref="Resolution"/> late (the wheel counts whole ticks
/// of the clock's monotonic timestamp, so a late timer callback catches up on every tick it missed). It fires on the timer's thread and
/// must only tell an actor or complete a promise. The clock is the host's <see cref="TimeProvider"/>, so tests drive
/// it in virtual time.
/// </remarks>
public sealed class DeadlineWheel : IDisposable
{
    /// <summary>Slots of the wheel; deadlines further out than this many ticks wait in their slot for more rounds.</summary>
    public const int DefaultSlots = 512;

    private readonly TimeProvider _clock;
    private readonly long _start;
    private readonly Deadline?[] _slots;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private long _tick;
    private int _pending;

    public DeadlineWheel(TimeProvider clock, TimeSpan resolution, int slots = DefaultSlots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resolution, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        _clock = clock;
        Resolution = resolution;
        _start = clock.GetTimestamp();
        _slots = new Deadline?[slots];
        _timer = clock.CreateTimer(static wheel => ((DeadlineWheel)wheel!).Advance(), this, resolution, resolution);
    }

    /// <summary>The wheel's tick: how late a deadline may fire at most.</summary>
    public TimeSpan Resolution { get; }

    /// <summary>Deadlines scheduled and neither fired nor cancelled.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Schedules <paramref name="deadline"/> to fire after <paramref name="delay"/>; a deadline is scheduled once.</summary>
    /// <exception cref="InvalidOperationException">The deadline was scheduled before.</exception>
    public TDeadline Schedule<TDeadline>(TDeadline deadline, TimeSpan delay)
        where TDeadline : Deadline
    {
        var elapsed = _clock.GetElapsedTime(_start) + delay;
        var due = (long)Math.Ceiling(elapsed / Resolution);
        lock (_gate)
        {
            if (deadline.Wheel is not null) throw new InvalidOperationException("A deadline is scheduled once.");
            deadline.Wheel = this;
            deadline.DueTick = Math.Max(due, _tick + 1);
            Link(deadline);
            _pending++;
        }

        return deadline;
    }

    /// <summary>Unlinks a deadline that has not fired; false when it fired or was cancelled before.</summary>
    internal bool Cancel(Deadline deadline)
    {
        lock (_gate)
        {
            if (!deadline.Linked) return false;
            Unlink(deadline);
            _pending--;
            return true;
        }
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>Fires every deadline whose tick has come, for each tick since the last call, outside the lock.</summary>
    private void Advance()
    {
        var now = (long)Math.Floor(_clock.GetElapsedTime(_start) / Resolution);
        List<Deadline>? due = null;
        lock (_gate)
        {
            for (; _tick < now && _pending > 0; _tick++) Collect(_tick + 1, ref due);
            _tick = Math.Max(_tick, now);
        }

        if (due is null) return;
        foreach (var deadline in due) deadline.Expire();
    }

    private void Collect(long tick, ref List<Deadline>? due)
    {
        var slot = SlotOf(tick);
        for (var deadline = _slots[slot]; deadline is not null;)
        {
            var next = deadline.Next;
            if (deadline.DueTick <= tick)
            {
                Unlink(deadline);
                _pending--;
                (due ??= []).Add(deadline);
            }

            deadline = next;
        }
    }

    private int SlotOf(long tick) => (int)(tick % _slots.Length);

    private void Link(Deadline deadline)
    {
        var slot = SlotOf(deadline.DueTick);
        deadline.Next = _slots[slot];
        if (deadline.Next is not null) deadline.Next.Previous = deadline;
        _slots[slot] = deadline;
        deadline.Linked = true;
    }

    private void Unlink(Deadline deadline)
    {
        if (deadline.Previous is not null) deadline.Previous.Next = deadline.Next;
        else _slots[SlotOf(deadline.DueTick)] = deadline.Next;
        if (deadline.Next is not null) deadline.Next.Previous = deadline.Previous;
        deadline.Previous = deadline.Next = null;
        deadline.Linked = false;
    }
}
