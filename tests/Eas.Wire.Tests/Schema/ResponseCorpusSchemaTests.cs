using Eas.Integration.Tests.Support.Schema;
using Eas.Wire.Tests.Commands;

namespace Eas.Wire.Tests.Schema;

/// <summary>
/// Every response document of the command corpus, which our response writers must reproduce byte for byte
/// (see <see cref="CorpusTypedTests"/>) and libwbxml must convert both ways (<see cref="OracleCorpusTests"/>),
/// also has its command's response structure.
/// </summary>
public sealed class ResponseCorpusSchemaTests
{
    [Fact]
    public void Every_command_of_the_corpus_has_a_response_schema() =>
        CommandCorpus.All.Select(d => d.Command).Distinct().Where(c => ResponseSchemas.For(c) is null).ShouldBeEmpty();

    [Fact]
    public void MS_ASCMD_6_every_corpus_response_conforms_to_its_commands_schema()
    {
        var violations = CommandCorpus.All
            .Where(d => !d.IsRequest)
            .Select(d => (Document: d, Violation: ResponseSchemas.Validate(d.Command, d.Tree())))
            .Where(r => r.Violation is not null)
            .Select(r => $"{r.Document}: {r.Violation}")
            .ToList();

        violations.ShouldBeEmpty();
    }
}
