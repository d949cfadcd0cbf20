using System.Diagnostics.Metrics;

namespace Eas.Host.Limits;

/// <summary>The quiet-time memory trims of <see cref="QuietMemoryTrim"/> on the server's meter (docs/Telemetry.md).</summary>
internal sealed class MemoryTrimMetrics(Meter meter)
{
    private readonly Counter<long> _trims = meter.CreateCounter<long>("eas.memory.trims", "{collection}", "Aggressive collections run because the node was quiet and held memory it did not use.");

    public void Trimmed() => _trims.Add(1);
}
