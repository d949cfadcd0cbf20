using System.Diagnostics;

namespace Eas.Host.Limits;

/// <summary>
/// Reads the process's memory every <c>Eas:Limits:MemoryCheckSeconds</c> and, when <see cref="MemoryTrimRule"/> says
/// the node is quiet and holds memory it does not use, runs one aggressive collection
/// (<see cref="GCCollectionMode.Aggressive"/>: blocking, compacting, and decommitting what it frees) and hands glibc's
/// free pages back (<see cref="NativeHeap.Trim"/>), then logs what it gave back and the time both took, and counts it
/// (<c>eas_memory_trims_total</c>). The pause falls when the node has nothing else to do;
/// parked requests do not notice it. Off with <c>Eas:Limits:TrimMemoryWhenQuiet=false</c>.
/// </summary>
internal sealed class QuietMemoryTrim(
    MemoryTrimRule rule, TimeSpan checkEvery, TimeProvider clock, ILogger logger, MemoryTrimMetrics metrics,
    Func<DateTimeOffset, MemoryReading>? read = null, Action? collect = null) : BackgroundService
{
    private readonly Func<DateTimeOffset, MemoryReading> _read = read ?? MemoryReading.Now;
    private readonly Action _collect = collect ?? Collect;
    private MemoryReading? _lastTrim;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(checkEvery, clock);
        var previous = _read(clock.GetUtcNow());
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = _read(clock.GetUtcNow());
                if (rule.ShouldTrim(previous, now, _lastTrim)) now = Trim(now);
                previous = now;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private MemoryReading Trim(MemoryReading before)
    {
        var watch = Stopwatch.StartNew();
        _collect();
        watch.Stop();
        var after = _read(clock.GetUtcNow());
        _lastTrim = after;
        metrics.Trimmed();
        LimitsLog.MemoryTrimmed(logger, Mib(before.CommittedBytes), Mib(after.CommittedBytes), Mib(after.HeapBytes), Mib(before.ResidentBytes), Mib(after.ResidentBytes), watch.Elapsed.TotalMilliseconds);
        return after;
    }

    /// <summary>The collection, then glibc's free pages (<see cref="NativeHeap.Trim"/>): the same quiet moment serves both.</summary>
    private static void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
    }

    private static long Mib(long bytes) => bytes / (1024 * 1024);
}
