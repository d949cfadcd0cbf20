using System.Collections.Concurrent;

namespace Eas.Actors.Tests.Kernel.TestKit;

/// <summary>Stands in for durable state in kernel tests: a value per entity id, plus how often entities started and stopped.</summary>
public sealed class CounterStore
{
    private readonly ConcurrentDictionary<string, int> _values = new();
    private int _starts;
    private int _stops;

    public int Starts => Volatile.Read(ref _starts);

    public int Stops => Volatile.Read(ref _stops);

    public int this[string id] => _values.GetValueOrDefault(id);

    public int Load(string id)
    {
        Interlocked.Increment(ref _starts);
        return _values.GetValueOrDefault(id);
    }

    public void Save(string id, int value) => _values[id] = value;

    public void Stopped() => Interlocked.Increment(ref _stops);
}
