using System.Collections.Concurrent;
using Eas.Actors.Devices;

namespace Eas.Host.Diagnostics.Live;

/// <summary>
/// The devices this node's device actors flagged as looping (<see cref="LoopDetector"/>), for
/// <c>GET /admin/api/stats</c> and <c>eas-server top</c>. Bounded: at <see cref="Capacity"/> the oldest report
/// makes room; a report older than <see cref="Shown"/> is no longer listed.
/// </summary>
public sealed class LoopingDevices(TimeProvider clock) : ILoopingDevices
{
    /// <summary>The most devices held.</summary>
    public const int Capacity = 256;

    /// <summary>How long a report is listed after the device last looped.</summary>
    public static readonly TimeSpan Shown = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(string Account, string DeviceId), LoopingDevice> _devices = new();

    public void Flagged(string accountId, string deviceId, LoopReport report)
    {
        _devices[(accountId, deviceId)] = new LoopingDevice(accountId, deviceId, report.Reason, report.At);
        if (_devices.Count <= Capacity) return;
        var oldest = _devices.MinBy(entry => entry.Value.At).Key;
        _devices.TryRemove(oldest, out _);
    }

    /// <summary>The devices that looped within <see cref="Shown"/>, latest first.</summary>
    public IReadOnlyList<LoopingDevice> Recent(int count)
    {
        var since = clock.GetUtcNow() - Shown;
        return [.. _devices.Values.Where(d => d.At >= since).OrderByDescending(d => d.At).Take(count)];
    }
}

/// <summary>A device flagged as looping: whose, why, and when it last did.</summary>
public sealed record LoopingDevice(string Account, string DeviceId, string Reason, DateTimeOffset At);
