using System.Diagnostics.Metrics;

namespace Eas.Actors.Persistence;

/// <summary>
/// The journal's instruments on the host's meter, as the persistent actors see them; the only tag is the
/// entity kind (<c>device</c>, <c>mailbox</c>, <c>account</c>, <c>license</c>, <c>directory</c>).
/// </summary>
public sealed class JournalMetrics
{
    private static readonly double[] DurationBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Histogram<double> _writeDuration;
    private readonly Counter<long> _writeFailures;
    private readonly Histogram<double> _recoveryDuration;
    private readonly Counter<long> _recoveryFailures;

    public JournalMetrics(Meter meter)
    {
        _writeDuration = meter.CreateHistogram(
            "eas.persistence.write.duration", "s", "A command's events from Persist to the journal's confirmation.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _writeFailures = meter.CreateCounter<long>(
            "eas.persistence.write.failures", "{write}", "Journal writes that failed or were rejected; the request got a retriable error.");
        _recoveryDuration = meter.CreateHistogram(
            "eas.persistence.recovery.duration", "s", "An entity's start: its snapshot and the events after it read back.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _recoveryFailures = meter.CreateCounter<long>(
            "eas.persistence.recovery.failures", "{recovery}", "Entities that could not be read back (store down or an unreadable event).");
    }

    public void Written(string kind, TimeSpan elapsed) => _writeDuration.Record(elapsed.TotalSeconds, Kind(kind));

    public void WriteFailed(string kind) => _writeFailures.Add(1, Kind(kind));

    public void Recovered(string kind, TimeSpan elapsed) => _recoveryDuration.Record(elapsed.TotalSeconds, Kind(kind));

    public void RecoveryFailed(string kind) => _recoveryFailures.Add(1, Kind(kind));

    private static KeyValuePair<string, object?> Kind(string kind) => new("kind", kind);
}
