using System.Reflection;

namespace Eas.Host.Tests;

/// <summary>Dependencies point one way: Host -> Actors -> (Wire, Mail); Wire and Mail reference nothing of ours; Actors never ASP.NET.</summary>
public sealed class DependencyDirectionTests
{
    private static string[] ReferencesOf(string assembly) =>
        Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).ToArray();

    [Theory]
    [InlineData("Eas.Wire")]
    [InlineData("Eas.Mail")]
    public void Wire_and_Mail_reference_nothing_of_ours(string assembly)
    {
        ReferencesOf(assembly).Where(name => name.StartsWith("Eas.", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void Actors_reference_only_Wire_and_Mail_of_ours_and_never_AspNetCore()
    {
        var references = ReferencesOf("Eas.Actors");

        references.Where(name => name.StartsWith("Eas.", StringComparison.Ordinal)).ShouldBeSubsetOf(["Eas.Wire", "Eas.Mail"]);
        references.ShouldNotContain(name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
