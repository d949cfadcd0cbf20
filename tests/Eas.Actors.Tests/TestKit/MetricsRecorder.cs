using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Eas.Actors.Tests.TestKit;

/// <summary>Listens to one meter and keeps counter sums, histogram values and the last gauge values by instrument and kind (or outcome) tag.</summary>
public sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Name, string? Kind), double> _sums = new();
    private readonly ConcurrentDictionary<(string Name, string? Kind), double> _last = new();
    private readonly ConcurrentQueue<(string Name, double Value)> _values = new();

    public MetricsRecorder(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public double Sum(string name, string? kind = null) => _sums.GetValueOrDefault((name, kind));

    public double? Gauge(string name, string kind)
    {
        _listener.RecordObservableInstruments();
        return _last.TryGetValue((name, kind), out var value) ? value : null;
    }

    public IReadOnlyList<double> Values(string name) => _values.Where(v => v.Name == name).Select(v => v.Value).ToList();

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? kind = null;
        foreach (var tag in tags)
        {
            if (tag.Key is "kind" or "outcome")
            {
                kind = tag.Value as string;
            }
        }

        _values.Enqueue((instrument.Name, value));
        _last[(instrument.Name, kind)] = value;
        _sums.AddOrUpdate((instrument.Name, kind), value, (_, sum) => sum + value);
        if (kind is not null)
        {
            _sums.AddOrUpdate((instrument.Name, null), value, (_, sum) => sum + value);
        }
    }
}
