using Eas.Load.Floor;

namespace Eas.Load.Tests.Floor;

public class FloorBenchTests
{
    [Fact]
    public void The_servers_gc_settings_become_the_runtimes_variables_numbers_in_hexadecimal()
    {
        var environment = FloorBench.GcEnvironmentOf("""
            { "runtimeOptions": { "configProperties": {
                "System.GC.Server": true, "System.GC.Concurrent": false, "System.GC.Gen0MaxBudget": 16777216,
                "System.GC.ConserveMemory": 5, "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit": 0 } } }
            """);

        environment.ShouldBe(new Dictionary<string, string>
        {
            ["DOTNET_gcServer"] = "1",
            ["DOTNET_gcConcurrent"] = "0",
            ["DOTNET_GCGen0MaxBudget"] = "0x1000000",
            ["DOTNET_GCConserveMemory"] = "0x5",
        }, ignoreOrder: true);
    }

    [Fact]
    public void A_runtimeconfig_without_properties_gives_no_variables() =>
        FloorBench.GcEnvironmentOf("""{ "runtimeOptions": { "tfm": "net10.0" } }""").ShouldBeEmpty();
}
