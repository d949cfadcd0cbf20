using System.Text.Json;
using System.Xml.Linq;

namespace Eas.Host.Tests.Hosting;

/// <summary>
/// The server's runtime settings (docs/ARCHITECTURE.md "Runtime settings" and "What a parked Ping costs"): a published
/// server runs its ReadyToRun code without tiering while builds that are not published keep tiering, and the
/// runtimeconfig.json written from Eas.Host.csproj (so every way of running the server gets it) caps Server GC's gen0 budget.
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static readonly XDocument Project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Eas.Host", "Eas.Host.csproj"));

    [Fact]
    public void Published_server_runs_its_ReadyToRun_code_without_tiering()
    {
        var published = PropertyGroups().Single(g => ((string?)g.Attribute("Condition") ?? "").Contains("_IsPublishing", StringComparison.Ordinal));

        ((string?)published.Element("PublishReadyToRun")).ShouldBe("true");
        ((string?)published.Element("TieredCompilation")).ShouldBe("false");
    }

    [Fact]
    public void Builds_that_are_not_published_keep_tiering()
    {
        var unconditional = PropertyGroups().Where(g => g.Attribute("Condition") is null);

        unconditional.SelectMany(g => g.Elements("TieredCompilation")).ShouldBeEmpty();
    }

    private static IEnumerable<XElement> PropertyGroups() => Project.Root!.Elements("PropertyGroup");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Eas.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No Eas.sln above {AppContext.BaseDirectory}.");
    }

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
