namespace Eas.Host.Diagnostics;

/// <summary>
/// The runtime settings this process runs with, as the runtime took them (docs/ARCHITECTURE.md "Runtime settings"):
/// the collector's values from <see cref="GC.GetConfigurationVariables"/>, which are what it read and uses (its own
/// default where nothing was set, e.g. a gen0 budget of up to 200 MiB), not what a runtimeconfig.json asks for; and
/// the compilation switches the host handed the runtime (<c>System.Runtime.TieredCompilation</c>,
/// <c>System.Runtime.TieredPGO</c>) or the environment overrode (<c>DOTNET_TieredCompilation</c>,
/// <c>DOTNET_TieredPGO</c>). <c>GET /admin/api/runtime</c> shows it, so an operator can check a deployment.
/// </summary>
/// <param name="ServerGc">Server GC (one heap per core) rather than workstation GC.</param>
/// <param name="ConcurrentGc">Background collections of gen2.</param>
/// <param name="HeapCount">The collector's heaps.</param>
/// <param name="Gen0MaxBudgetBytes">The largest gen0 allocation budget per heap (<c>System.GC.Gen0MaxBudget</c>).</param>
/// <param name="TieredCompilation">Tiered compilation is on (off for the published server, which runs its ReadyToRun code).</param>
/// <param name="TieredPgo">The instrumented tier of tiered compilation is on.</param>
public sealed record RuntimeReport(bool ServerGc, bool ConcurrentGc, long HeapCount, long Gen0MaxBudgetBytes, bool TieredCompilation, bool TieredPgo)
{
    /// <summary>The settings of this process now.</summary>
    public static RuntimeReport Current()
    {
        var gc = GC.GetConfigurationVariables();
        return new RuntimeReport(
            Flag(gc, "ServerGC"),
            Flag(gc, "ConcurrentGC"),
            Number(gc, "HeapCount"),
            Number(gc, "GCGen0MaxBudget"),
            Switch("System.Runtime.TieredCompilation", "TieredCompilation"),
            Switch("System.Runtime.TieredPGO", "TieredPGO"));
    }

    private static bool Flag(IReadOnlyDictionary<string, object> gc, string key) => gc.TryGetValue(key, out var value) && value is true;

    private static long Number(IReadOnlyDictionary<string, object> gc, string key) =>
        gc.TryGetValue(key, out var value) ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>
    /// A runtime switch that is on unless the environment (which wins: <c>DOTNET_</c>, or the older <c>COMPlus_</c> the
    /// runtime still reads) or the runtimeconfig turns it off.
    /// </summary>
    private static bool Switch(string property, string setting)
    {
        var set = Environment.GetEnvironmentVariable("DOTNET_" + setting) is { Length: > 0 } dotnet ? dotnet : Environment.GetEnvironmentVariable("COMPlus_" + setting);
        if (set is { Length: > 0 }) return set != "0";
        return AppContext.GetData(property) is not { } configured || !string.Equals(configured.ToString(), "false", StringComparison.OrdinalIgnoreCase);
    }
}
