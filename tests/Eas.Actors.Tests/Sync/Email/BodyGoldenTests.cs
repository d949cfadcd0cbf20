using System.Reflection;

namespace Eas.Actors.Tests.Sync.Email;

/// <summary>
/// The body goes from the MIME part to the WBXML element as UTF-8 bytes, and every protocol version's body path gives
/// byte for byte what the string path gave before (MS-ASAIRS 2.2.2.20.1 Data, 2.2.2.23 EstimatedDataSize, 2.2.2.40
/// TruncationSize, 2.2.2.10 BodyPart, 2.2.2.35 Preview; MS-ASEMAIL 2.2.2.10.2 Body, 2.2.2.12 BodySize, 2.2.2.13
/// BodyTruncated for 2.5), over every transfer encoding and charset row, with NULs and empty bodies.
/// </summary>
public sealed class BodyGoldenTests
{
    private static readonly Lazy<Dictionary<string, string>> Golden = new(Load);

    public static TheoryData<int, string> RequestsAndKinds()
    {
        var data = new TheoryData<int, string>();
        for (var request = 0; request < BodyGoldenCases.Requests.Count; request++)
            foreach (var kind in BodyGoldenCases.Kinds) data.Add(request, kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(RequestsAndKinds))]
    public async Task MS_ASAIRS_2_2_2_20_1_the_encoded_item_equals_the_string_paths_output_for_every_row(int request, string kind)
    {
        var mismatches = new List<string>();
        for (var row = 0; row < BodyGoldenCases.Rows.Count; row++)
        {
            var id = BodyGoldenCases.Id(BodyGoldenCases.Requests[request].Name, kind, row);
            var hash = await BodyGoldenCases.HashAsync(request, kind, row);
            if (!Golden.Value.TryGetValue(id, out var expected) || expected != hash) mismatches.Add($"{id} {hash} (expected {expected ?? "none"})");
        }

        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public void The_golden_file_covers_every_case()
    {
        Golden.Value.Count.ShouldBe(BodyGoldenCases.Requests.Count * BodyGoldenCases.Kinds.Count * BodyGoldenCases.Rows.Count);
    }

    private static Dictionary<string, string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("BodyGolden.txt")
            ?? throw new InvalidOperationException("BodyGolden.txt is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim().Split(' '))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
    }
}
