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

    /// <summary>
    /// The project's servers run on glibc Linux (Debian), as this suite does; mallopt answers 1 when it took the setting.
    /// Elsewhere the cap is never set, and the test says so by failing rather than passing unseen.
    /// </summary>
    [Fact]
    public void Glibc_takes_the_arena_cap()
    {
        OperatingSystem.IsLinux().ShouldBeTrue("the suite runs on glibc Linux");

        NativeHeap.CapArenas(NativeHeap.ArenasFor(Environment.ProcessorCount), _ => null).ShouldBeTrue();
    }

    [Theory]
    [InlineData("MALLOC_ARENA_MAX", "4")]
    [InlineData("GLIBC_TUNABLES", "glibc.malloc.arena_max=4")]
    public void An_operators_own_malloc_setting_wins(string variable, string value)
    {
        string? Tuned(string name) => name == variable ? value : null;

        NativeHeap.TunedBy(Tuned).ShouldBeTrue();
        NativeHeap.CapArenas(2, Tuned).ShouldBeFalse();
    }

    [Fact]
    public void Other_glibc_tunables_leave_the_cap_to_the_server()
    {
        NativeHeap.TunedBy(name => name == "GLIBC_TUNABLES" ? "glibc.malloc.tcache_count=0" : null).ShouldBeFalse();
    }
}
