using System.Xml.Linq;

namespace Eas.Host.Tests.Hosting;

/// <summary>
/// The server's runtime settings in <c>src/Eas.Host/Eas.Host.csproj</c> (docs/ARCHITECTURE.md "Runtime settings"): a
/// published server runs its ReadyToRun code without tiering, and a build that is not published, which has no
/// ReadyToRun code, keeps tiering (without it every method would be compiled fully optimized on its first call).
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
}
