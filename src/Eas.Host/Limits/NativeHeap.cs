using System.Runtime.InteropServices;

namespace Eas.Host.Limits;

/// <summary>
/// glibc's malloc, which the runtime's native parts allocate from (the JIT and type loader, SQLite, OpenSSL,
/// <c>libSystem.Native</c>). By default glibc gives each thread that allocates natively an arena of its own, up to
/// eight per core, and keeps what a thread frees in its arena: a node's setup wave (JIT scratch, the journal's SQLite,
/// TLS handshakes on thread-pool threads) leaves tens of MiB of arenas resident for the process's life. The server
/// caps the arenas at one per core, at least two (<see cref="CapArenas"/>, glibc's mallopt(3) <c>M_ARENA_MAX</c>, the
/// first thing <c>Program</c> does, so every process started from the binary gets the same without an environment
/// variable), and the quiet-time trim hands the arenas' free pages
/// back after its collection (<see cref="Trim"/>, malloc_trim(3)). An operator's own <c>MALLOC_ARENA_MAX</c> or <c>GLIBC_TUNABLES</c>
/// wins. Elsewhere (another C library, another OS) both do nothing. docs/ARCHITECTURE.md "Runtime settings".
/// </summary>
internal static class NativeHeap
{
    /// <summary><c>M_ARENA_MAX</c> in glibc's <c>malloc.h</c>.</summary>
    private const int ArenaMaxOption = -8;

    /// <summary>The arena cap for this machine: one per core, at least two.</summary>
    public static int ArenasFor(int processors) => Math.Max(2, processors);

    /// <summary>
    /// Caps glibc's arenas at <paramref name="arenas"/> unless the environment already tunes malloc; true when the cap was
    /// set. Arenas made before the call (the runtime's first threads) stay; no new ones are made past the cap.
    /// </summary>
    /// <param name="arenas">The cap.</param>
    /// <param name="environment">Reads an environment variable; the process's when null.</param>
    public static bool CapArenas(int arenas, Func<string, string?>? environment = null)
    {
        if (!OperatingSystem.IsLinux() || TunedBy(environment ?? Environment.GetEnvironmentVariable)) return false;
        try
        {
            return NativeMethods.mallopt(ArenaMaxOption, arenas) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Returns the free pages of every arena to the kernel (glibc's <c>malloc_trim(0)</c>); true when any was returned.</summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return NativeMethods.malloc_trim(0) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Whether the environment already tunes glibc's arenas (<c>MALLOC_ARENA_MAX</c>, or <c>arena_max</c> in <c>GLIBC_TUNABLES</c>).</summary>
    public static bool TunedBy(Func<string, string?> environment) =>
        environment("MALLOC_ARENA_MAX") is { Length: > 0 }
        || environment("GLIBC_TUNABLES") is { } tunables && tunables.Contains("arena_max", StringComparison.Ordinal);

    private static class NativeMethods
    {
        [DllImport("libc")]
        public static extern int mallopt(int param, int value);

        [DllImport("libc")]
        public static extern int malloc_trim(nuint pad);
    }
}
