using System.Runtime.CompilerServices;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Tests.Commands;

/// <summary>One hand-written corpus document: <c>Corpus/&lt;Command&gt;/&lt;request|response&gt;-&lt;version&gt;-&lt;what&gt;.xml</c>.</summary>
internal sealed record CorpusDocument(string Command, string FileName, bool IsRequest, ProtocolVersion Version, string Xml)
{
    /// <summary>The document as our element tree.</summary>
    public WbxmlElement Tree() => WbxmlXml.Parse(Xml);

    public override string ToString() => $"{Command}/{FileName}";
}

/// <summary>
/// The command corpus, read from the source tree: the directory next to this file when the build
/// recorded its path, else found by walking up from the test binaries to the repository root.
/// </summary>
internal static class CommandCorpus
{
    private const string RelativePath = "tests/Eas.Wire.Tests/Commands/Corpus";

    private static readonly Lazy<IReadOnlyList<CorpusDocument>> Documents = new(LoadAll);

    public static IReadOnlyList<CorpusDocument> All => Documents.Value;

    public static CorpusDocument Get(string command, string fileName) =>
        All.SingleOrDefault(d => d.Command == command && d.FileName == fileName)
        ?? throw new FileNotFoundException($"No corpus document {command}/{fileName}.");

    private static IReadOnlyList<CorpusDocument> LoadAll()
    {
        var root = FindRoot();
        return Directory.EnumerateFiles(root, "*.xml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => Load(root, path))
            .ToList();
    }

    private static CorpusDocument Load(string root, string path)
    {
        var command = Path.GetFileName(Path.GetDirectoryName(path)!);
        var fileName = Path.GetFileName(path);
        var parts = fileName.Split('-', 3);
        if (parts.Length != 3 || parts[0] is not ("request" or "response") || !ProtocolVersion.TryParse(parts[1], out var version))
            throw new InvalidOperationException($"Corpus file {Path.GetRelativePath(root, path)} is not named <request|response>-<version>-<what>.xml.");
        return new CorpusDocument(command, fileName, parts[0] == "request", version, File.ReadAllText(path));
    }

    private static string FindRoot()
    {
        var besideSource = Path.Combine(Path.GetDirectoryName(SourceFile())!, "Corpus");
        if (Directory.Exists(besideSource)) return besideSource;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RelativePath);
            if (Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException(
            $"The command corpus ({RelativePath}) was found neither beside {SourceFile()} nor above {AppContext.BaseDirectory}; run the tests from a checkout.");
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
