using Eas.Host.Limits;

namespace Eas.Host.Tests.Limits;

public class NativeHeapTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(16, 16)]
    public void One_arena_per_core_and_at_least_two(int processors, int arenas)
    {
        NativeHeap.ArenasFor(processors).ShouldBe(arenas);
    }

    /// <summary>The project's servers run on glibc Linux (Debian); mallopt answers 1 when it took the setting.</summary>
    [Fact]
    public void Glibc_takes_the_arena_cap_and_the_trim()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null) return;

        NativeHeap.CapArenas(NativeHeap.ArenasFor(Environment.ProcessorCount)).ShouldBeTrue();
        Should.NotThrow(() => NativeHeap.Trim());
    }

    [Fact]
    public void An_operators_own_malloc_setting_wins()
    {
        var before = Environment.GetEnvironmentVariable("GLIBC_TUNABLES");
        Environment.SetEnvironmentVariable("GLIBC_TUNABLES", "glibc.malloc.arena_max=4");
        try
        {
            NativeHeap.CapArenas(2).ShouldBeFalse();
        }
        finally
        {
            Environment.SetEnvironmentVariable("GLIBC_TUNABLES", before);
        }
    }
}
