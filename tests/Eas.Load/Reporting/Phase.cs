namespace Eas.Load.Reporting;

/// <summary>One phase of a run (set-up, hold, drain, ...): its name and when it began and ended on the run's clock.</summary>
internal sealed record Phase(string Name, TimeSpan Start, TimeSpan End)
{
    public TimeSpan Duration => End - Start;
}

/// <summary>
/// The phases of a run as they happen: <see cref="Begin"/> ends the phase running (if any) and starts the next, all on
/// one clock shared with the resource sampler so phase lines fall in the right place on its charts.
/// </summary>
internal sealed class PhaseLog(Func<TimeSpan> clock)
{
    private readonly List<Phase> _done = [];
    private readonly Lock _gate = new();
    private (string Name, TimeSpan Start)? _running;

    public void Begin(string name)
    {
        lock (_gate)
        {
            EndRunning();
            _running = (name, clock());
        }
    }

    /// <summary>Ends the phase running; the log is then complete.</summary>
    public void End()
    {
        lock (_gate) EndRunning();
    }

    public IReadOnlyList<Phase> Phases
    {
        get
        {
            lock (_gate) return [.. _done, .. _running is { } r ? [new Phase(r.Name, r.Start, clock())] : Array.Empty<Phase>()];
        }
    }

    private void EndRunning()
    {
        if (_running is { } r) _done.Add(new Phase(r.Name, r.Start, clock()));
        _running = null;
    }
}
