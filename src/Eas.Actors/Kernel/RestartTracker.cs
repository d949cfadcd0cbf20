namespace Eas.Actors.Kernel;

/// <summary>Counts restarts in a sliding window; allocated only for an actor that has failed.</summary>
internal sealed class RestartTracker(int maxRestarts, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _recent = new();

    public int Count => _recent.Count;

    /// <summary>Records a restart at <paramref name="now"/>, or returns false when the limit is already reached.</summary>
    public bool TryRecord(DateTimeOffset now)
    {
        while (_recent.Count > 0 && now - _recent.Peek() >= window)
        {
            _recent.Dequeue();
        }

        if (_recent.Count >= maxRestarts)
        {
            return false;
        }

        _recent.Enqueue(now);
        return true;
    }
}
