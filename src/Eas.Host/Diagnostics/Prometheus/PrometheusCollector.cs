using System.Buffers;
using System.Diagnostics.Metrics;

namespace Eas.Host.Diagnostics.Prometheus;

/// <summary>
/// Listens to every instrument of the server's meter (<see cref="PrometheusCollectorOptions.MeterName"/>) with its
/// own <see cref="MeterListener"/>, aggregates the measurements cumulatively from the moment it starts, and writes
/// them in the Prometheus text format when scraped. Start it with the process, not at the first scrape: what happens
/// before it listens is not counted.
/// </summary>
/// <remarks>
/// Recording is lock-free for known tag sets (see <see cref="MetricFamily"/>). Scrapes are serialized: each one first
/// clears and reads the observable instruments (<see cref="MeterListener.RecordObservableInstruments"/>), then writes
/// every family in name order from pre-rendered names and labels.
/// </remarks>
public sealed class PrometheusCollector : IDisposable
{
    private readonly PrometheusCollectorOptions _options;
    private readonly ILogger _logger;
    private readonly MeterListener _listener;
    private readonly Lock _registry = new();
    private readonly Lock _scrape = new();
    private readonly Dictionary<string, (MetricFamily Family, int Instruments)> _byName = new(StringComparer.Ordinal);
    private MetricFamily[] _families = [];

    public PrometheusCollector(PrometheusCollectorOptions options, ILogger<PrometheusCollector> logger)
    {
        _options = options;
        _logger = logger;
        _listener = new MeterListener { InstrumentPublished = OnPublished, MeasurementsCompleted = OnCompleted };
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((MetricFamily)state!).Record((long)value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((MetricFamily)state!).Record((long)value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((MetricFamily)state!).Record((long)value, tags));
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((MetricFamily)state!).Record((double)value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((MetricFamily)state!).Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>Reads the observable instruments and writes every family with data to <paramref name="output"/> as UTF-8 text.</summary>
    public void Collect(IBufferWriter<byte> output)
    {
        lock (_scrape)
        {
            var families = Volatile.Read(ref _families);
            foreach (var family in families.Where(f => f.Shape.Kind.IsObservable())) family.Reset();
            try
            {
                _listener.RecordObservableInstruments();
            }
            catch (AggregateException e)
            {
                PrometheusLog.ObservationFailed(_logger, e);
            }

            var writer = new PrometheusTextWriter(output);
            foreach (var family in families) family.WriteTo(writer);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnPublished(Instrument instrument, MeterListener listener)
    {
        var meter = instrument.Meter;
        if (meter.Name != _options.MeterName || (_options.MeterScope is not null && !ReferenceEquals(meter.Scope, _options.MeterScope))) return;
        if (MetricShape.Of(instrument) is not { } shape) return;
        MetricFamily family;
        lock (_registry)
        {
            if (_byName.TryGetValue(shape.Name, out var entry))
            {
                if (!entry.Family.Shape.SharesFamilyWith(shape))
                {
                    PrometheusLog.NameConflict(_logger, instrument.Name, shape.Name);
                    return;
                }

                family = entry.Family;
                _byName[shape.Name] = (family, entry.Instruments + 1);
            }
            else
            {
                family = new MetricFamily(shape, ScopeLabels(meter), _options.MaxSeriesPerInstrument, _logger);
                _byName.Add(shape.Name, (family, 1));
                PublishFamilies();
            }
        }

        listener.EnableMeasurementEvents(instrument, family);
    }

    /// <summary>An instrument's meter was disposed: its family goes when the last instrument feeding it does.</summary>
    private void OnCompleted(Instrument instrument, object? state)
    {
        if (state is not MetricFamily family) return;
        lock (_registry)
        {
            if (!_byName.TryGetValue(family.Shape.Name, out var entry) || entry.Family != family) return;
            if (entry.Instruments > 1)
            {
                _byName[family.Shape.Name] = (family, entry.Instruments - 1);
                return;
            }

            _byName.Remove(family.Shape.Name);
            PublishFamilies();
        }
    }

    private void PublishFamilies() =>
        Volatile.Write(ref _families, [.. _byName.Values.Select(entry => entry.Family).OrderBy(f => f.Shape.Name, StringComparer.Ordinal)]);

    private KeyValuePair<string, string>[] ScopeLabels(Meter meter)
    {
        if (!_options.ScopeLabels) return [];
        return string.IsNullOrEmpty(meter.Version)
            ? [new("otel_scope_name", meter.Name)]
            : [new("otel_scope_name", meter.Name), new("otel_scope_version", meter.Version)];
    }
}
