using Eas.Load.Measuring;

namespace Eas.Load.Tests.Measuring;

public class ManagedMemoryTests
{
    private const string Page = """
        # TYPE dotnet_gc_last_collection_heap_size_bytes gauge
        dotnet_gc_last_collection_heap_size_bytes{gc_heap_generation="gen0",otel_scope_name="System.Runtime"} 1048576
        dotnet_gc_last_collection_heap_size_bytes{gc_heap_generation="gen2",otel_scope_name="System.Runtime"} 3145728
        dotnet_gc_last_collection_heap_fragmentation_size_bytes{gc_heap_generation="gen2",otel_scope_name="System.Runtime"} 2048
        dotnet_gc_last_collection_memory_committed_size_bytes{otel_scope_name="System.Runtime"} 8388608
        eas_pings_parked{otel_scope_name="Eas.Server"} 3
        """;

    [Fact]
    public void The_heap_is_summed_over_generations_in_KiB()
    {
        ManagedMemory.Parse(Page).ShouldBe(new ManagedMemory(4096, 2, 8192));
    }

    [Fact]
    public void A_page_without_the_runtime_s_series_has_no_figures()
    {
        ManagedMemory.Parse("eas_pings_parked{otel_scope_name=\"Eas.Server\"} 3\n").ShouldBeNull();
    }

    [Fact]
    public void Nodes_are_summed_and_a_silent_node_is_left_out()
    {
        ManagedMemory.Sum([new ManagedMemory(10, 1, 20), null, new ManagedMemory(5, 2, 7)]).ShouldBe(new ManagedMemory(15, 3, 27));
        ManagedMemory.Sum([null, null]).ShouldBeNull();
    }
}
