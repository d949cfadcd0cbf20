namespace Eas.Host.Limits;

/// <summary>
/// The process's memory at one moment, as the garbage collector and the kernel see it: what the collector keeps
/// committed, its heap after the last collection, the bytes allocated since start, and the resident set.
/// </summary>
internal readonly record struct MemoryReading(DateTimeOffset At, long CommittedBytes, long HeapBytes, long AllocatedBytes, long ResidentBytes)
{
    /// <summary>Reads the process now (<see cref="GC.GetGCMemoryInfo()"/>, <see cref="GC.GetTotalAllocatedBytes"/>, <see cref="Environment.WorkingSet"/>).</summary>
    public static MemoryReading Now(DateTimeOffset at)
    {
        var info = GC.GetGCMemoryInfo();
        return new MemoryReading(at, info.TotalCommittedBytes, info.HeapSizeBytes, GC.GetTotalAllocatedBytes(), Environment.WorkingSet);
    }
}
