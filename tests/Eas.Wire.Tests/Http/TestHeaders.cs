namespace Eas.Wire.Tests.Http;

/// <summary>Header sets for parser tests, looked up case-insensitively as HTTP does.</summary>
internal static class TestHeaders
{
    public static IReadOnlyDictionary<string, string?> None { get; } = Of();

    public static IReadOnlyDictionary<string, string?> Of(params (string Name, string? Value)[] headers)
    {
        var map = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers) map[name] = value;
        return map;
    }

    /// <summary>Only <c>MS-ASProtocolVersion</c>, which every plain-form request needs.</summary>
    public static IReadOnlyDictionary<string, string?> Version(string version, params (string Name, string? Value)[] more) =>
        Of([("MS-ASProtocolVersion", version), .. more]);
}
