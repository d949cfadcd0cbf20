namespace Eas.Actors.Timing;

/// <summary>
/// One deadline on a <see cref="DeadlineWheel"/>: what happens when it passes (<see cref="Expire"/>), and
/// <see cref="Cancel"/> for the usual case that it is no longer wanted. Its links live in the object itself, so a
/// scheduled deadline costs this one allocation.
/// </summary>
public abstract class Deadline
{
    internal DeadlineWheel? Wheel { get; set; }

    internal long DueTick { get; set; }

    internal Deadline? Previous { get; set; }

    internal Deadline? Next { get; set; }

    internal bool Linked { get; set; }

    /// <summary>Takes the deadline off its wheel; false when it had fired (or was cancelled) already.</summary>
    public bool Cancel() => Wheel?.Cancel(this) ?? false;

    /// <summary>Runs on the wheel's timer thread when the deadline passes: tell an actor, complete a promise, nothing that blocks.</summary>
    protected internal abstract void Expire();
}
