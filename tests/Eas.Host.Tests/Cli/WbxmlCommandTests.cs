using Eas.Host.Cli;

namespace Eas.Host.Tests.Cli;

/// <summary>The operators' trace tool: <c>wbxml decode</c> and <c>wbxml encode</c> through the real command line.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class WbxmlCommandTests
{
    private const string Xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <FolderSync xmlns="FolderHierarchy:"><SyncKey>0</SyncKey></FolderSync>
        """;

    [Fact]
    public async Task Encode_then_decode_round_trips_through_files()
    {
        var directory = Directory.CreateTempSubdirectory("eas-cli").FullName;
        var xmlPath = Path.Combine(directory, "in.xml");
        var wbxmlPath = Path.Combine(directory, "out.wbxml");
        await File.WriteAllTextAsync(xmlPath, Xml);

        (await CliCommands.RunAsync(["wbxml", "encode", xmlPath, "-o", wbxmlPath])).ShouldBe(0);
        Convert.ToHexString(await File.ReadAllBytesAsync(wbxmlPath)).ShouldBe("03016A00000756520330000101");

        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            (await CliCommands.RunAsync(["wbxml", "decode", wbxmlPath])).ShouldBe(0);
        }
        finally
        {
            Console.SetOut(original);
        }

        output.ToString().ShouldContain("<FolderSync xmlns=\"FolderHierarchy:\">");
        output.ToString().ShouldContain("<SyncKey>0</SyncKey>");
    }

    [Fact]
    public async Task Bad_input_is_reported_with_its_offset_and_exit_code_1()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("eas-cli").FullName, "bad.wbxml");
        await File.WriteAllBytesAsync(path, [0x03, 0x01, 0x6A, 0x00, 0x45, 0x3F]);
        var errors = new StringWriter();
        var original = Console.Error;
        Console.SetError(errors);
        try
        {
            (await CliCommands.RunAsync(["wbxml", "decode", path])).ShouldBe(1);
        }
        finally
        {
            Console.SetError(original);
        }

        errors.ToString().ShouldContain("at byte 5");
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
