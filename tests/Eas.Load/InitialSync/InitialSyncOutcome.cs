using Eas.Load.Measuring;

namespace Eas.Load.InitialSync;

/// <summary>The figures of an initial-sync run over all its devices, and whether it met its own checks.</summary>
internal sealed record InitialSyncOutcome(
    InitialSyncSettings Settings, IReadOnlyList<DeviceResult> Devices, TimeSpan Elapsed,
    IReadOnlyList<LatencySummary> Latencies, RssSeries? Rss, IReadOnlyList<CpuUse> Cpu, string? StopReason)
{
    /// <summary>Each window as it arrived: device number (1-based), time since the run's clock started, items it added.</summary>
    public IReadOnlyList<WindowMark> Windows { get; init; } = [];

    /// <summary>Every Sync request's latency in ms (the measured devices', retries included).</summary>
    public IReadOnlyList<double> SyncLatenciesMs { get; init; } = [];

    public int Items => Devices.Sum(d => d.Items);

    public int Errors => Devices.Sum(d => d.Errors);

    public int Duplicates => Devices.Sum(d => d.Duplicates);

    public long Bytes => Devices.Sum(d => d.Bytes);

    /// <summary>Items over the wall time of the whole run (provisioning and folder sync included).</summary>
    public double ItemsPerSecond => Elapsed.TotalSeconds > 0 ? Items / Elapsed.TotalSeconds : 0;

    /// <summary>Every device reached the end, saw no ServerId twice, and (when known) got every item.</summary>
    public bool Passed => Devices.Count > 0 && Devices.All(d =>
        d.Completed && d.Duplicates == 0 && (Settings.ExpectedItems is not { } expected || d.UniqueItems == expected));
}

/// <summary>One Sync window a device received: which device (1-based), when (since the run's clock started), how many Adds.</summary>
internal readonly record struct WindowMark(int Device, TimeSpan At, int Items);
