using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Actors.Licensing;

/// <summary>What the license actor needs: its terms, and optionally its gauges, clock and logger.</summary>
public sealed record LicenseActorSettings(LicenseTerms Terms)
{
    public LicenseMetrics? Metrics { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>How many events lie between two snapshots of the <see cref="LicenseState"/>.</summary>
    public int SnapshotEvery { get; init; } = 100;
}
