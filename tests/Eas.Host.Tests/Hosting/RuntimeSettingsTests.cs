using System.Text.Json;

namespace Eas.Host.Tests.Hosting;

/// <summary>
/// What the server's runtimeconfig.json (written from Eas.Host.csproj, so every way of running it gets it) tells the
/// runtime: docs/ARCHITECTURE.md "Runtime settings" and "What a parked Ping costs".
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "eas-server.runtimeconfig.json");
        File.Exists(path).ShouldBeTrue($"{path} is copied beside the tests with the server");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Fact]
    public void Server_gc_runs_with_a_gen0_budget_of_a_few_mebibytes_per_heap_not_servers_200()
    {
        var properties = ConfigProperties();

        properties.GetProperty("System.GC.Server").GetBoolean().ShouldBeTrue();
        properties.GetProperty("System.GC.Gen0MaxBudget").GetInt64().ShouldBe(16L << 20);
    }
}
