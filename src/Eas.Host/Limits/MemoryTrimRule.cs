namespace Eas.Host.Limits;

/// <summary>
/// When a quiet node gives back the memory its garbage collector kept from a burst. After a wave of sign-ins and
/// first syncs the collector keeps its budgets and the dead objects of the wave committed; with only parked Pings
/// left it allocates too little to collect again, so the resident set stays at the burst's size for hours. A trim
/// (one blocking, compacting, decommitting collection) is due when all three hold:
/// <list type="bullet">
/// <item>the node is quiet: it allocated at most <see cref="QuietBytesPerSecond"/> since the last reading;</item>
/// <item>there is something to give back: the collector holds at least <see cref="SlackBytes"/> committed beyond its
/// heap, or the heap grew by that much since the last trim (dead objects the last collections did not reach);</item>
/// <item>the last trim is at least <see cref="MinimumInterval"/> ago, so a node that keeps growing pauses rarely; only
/// <see cref="IntervalAfterGrowth"/> when the heap grew by <see cref="SlackBytes"/> since then (a wave came after it, or
/// the last trim fell in the middle of one). Slack alone waits the longer interval: the gen0 budgets a trickle of
/// requests commits again after every trim (up to 16 MiB per heap) would otherwise call for a full collection each
/// time.</item>
/// </list>
/// </summary>
internal sealed record MemoryTrimRule(long SlackBytes, long QuietBytesPerSecond, TimeSpan MinimumInterval, TimeSpan IntervalAfterGrowth)
{
    /// <summary>True when <paramref name="now"/>, read after <paramref name="previous"/>, calls for a trim; <paramref name="lastTrim"/> is the reading taken right after the last one.</summary>
    public bool ShouldTrim(MemoryReading previous, MemoryReading now, MemoryReading? lastTrim)
    {
        var elapsed = now.At - previous.At;
        if (elapsed <= TimeSpan.Zero) return false;
        var allocatedPerSecond = (now.AllocatedBytes - previous.AllocatedBytes) / elapsed.TotalSeconds;
        if (allocatedPerSecond > QuietBytesPerSecond) return false;
        var slack = now.CommittedBytes - now.HeapBytes;
        if (lastTrim is not { } last) return slack >= SlackBytes;
        var since = now.At - last.At;
        var grown = now.HeapBytes - last.HeapBytes >= SlackBytes;
        if (grown) return since >= IntervalAfterGrowth;
        return since >= MinimumInterval && slack >= SlackBytes;
    }
}
