using Eas.Load.Safety;

namespace Eas.Load.Measuring;

/// <summary>
/// What a server's garbage collector held after its last collection, read from the runtime's series on its
/// <c>/metrics</c> (docs/Telemetry.md, "The runtime's own figures"): the managed heap summed over generations, the
/// free space inside it, and the memory it kept committed. Set beside the process's RSS, it splits what a parked
/// Ping costs into live objects and the rest (thread stacks, native buffers, the collector's slack). Figures in KiB.
/// </summary>
internal sealed record ManagedMemory(long HeapKib, long FragmentationKib, long CommittedKib)
{
    private static readonly TimeSpan ScrapeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The figures of the server at <paramref name="baseUrl"/>; null when it does not serve them (an older build, metrics off).</summary>
    public static async Task<ManagedMemory?> ReadAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        using var http = LoopbackHttp.CreateClient(maxConnections: 1, timeout: ScrapeTimeout);
        return await PrometheusText.ScrapeAsync(http, baseUrl, cancellationToken) is { } page ? Parse(page) : null;
    }

    /// <summary>The figures on one scraped page; null when the page has no heap size.</summary>
    public static ManagedMemory? Parse(string page) =>
        PrometheusText.Sum(page, "dotnet_gc_last_collection_heap_size_bytes") is { } heap
            ? new ManagedMemory(
                Kib(heap),
                Kib(PrometheusText.Sum(page, "dotnet_gc_last_collection_heap_fragmentation_size_bytes") ?? 0),
                Kib(PrometheusText.Sum(page, "dotnet_gc_last_collection_memory_committed_size_bytes") ?? 0))
            : null;

    /// <summary>Summed over nodes; null when none of them served figures.</summary>
    public static ManagedMemory? Sum(IEnumerable<ManagedMemory?> nodes)
    {
        var served = nodes.OfType<ManagedMemory>().ToList();
        return served.Count == 0 ? null : new ManagedMemory(served.Sum(m => m.HeapKib), served.Sum(m => m.FragmentationKib), served.Sum(m => m.CommittedKib));
    }

    private static long Kib(double bytes) => (long)(bytes / 1024);
}
