using System.Diagnostics.Metrics;

namespace Eas.Actors.Persistence;

/// <summary>Persistence instruments on the host's meter; tags are the state kind and the operation only.</summary>
internal sealed class PersistenceMetrics
{
    private static readonly double[] DurationBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Histogram<double> _writeDuration;
    private readonly Counter<long> _conflicts;

    public PersistenceMetrics(Meter meter)
    {
        _writeDuration = meter.CreateHistogram(
            "eas.persistence.write.duration",
            unit: "s",
            description: "Time a durable write took, waiting for the writer included, until it was on disk.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _conflicts = meter.CreateCounter<long>(
            "eas.persistence.version_conflicts",
            "{conflict}",
            "Saves and deletes refused because another writer had changed the state first.");
    }

    public void RecordWrite(string kind, string operation, TimeSpan elapsed) =>
        _writeDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("kind", kind),
            new KeyValuePair<string, object?>("operation", operation));

    public void Conflict(string kind) => _conflicts.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
