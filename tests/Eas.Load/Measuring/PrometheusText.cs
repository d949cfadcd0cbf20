using System.Globalization;
using System.Text.RegularExpressions;
using Eas.Load.Safety;

namespace Eas.Load.Measuring;

/// <summary>
/// Figures from a server's <c>GET /metrics</c> (Prometheus text format 0.0.4, docs/Telemetry.md; no credentials needed):
/// one sample a line, <c>name{label="value",...} number</c>, comments starting with <c>#</c>. A family appears only
/// once it has a series, so a counter that is missing has not counted yet.
/// </summary>
internal static partial class PrometheusText
{
    /// <summary>The page of the server at <paramref name="baseUrl"/>; null when it does not answer 200 within the client's timeout.</summary>
    public static async Task<string?> ScrapeAsync(HttpClient http, Uri baseUrl, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(baseUrl, "/metrics"), cancellationToken);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(cancellationToken) : null;
        }
        catch (Exception e) when (e is HttpRequestException or LoopbackViolationException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    /// <summary>
    /// The sum of the samples of <paramref name="name"/> that carry <paramref name="label"/>=<paramref name="value"/>
    /// (all of its samples when <paramref name="label"/> is null); null when there is none.
    /// </summary>
    public static double? Sum(string text, string name, string? label = null, string value = "")
    {
        double? sum = null;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.IsEmpty || line[0] == '#' || !line.StartsWith(name, StringComparison.Ordinal) || line.Length == name.Length) continue;
            var rest = line[name.Length..];
            if (rest[0] is not ('{' or ' ')) continue;
            var space = rest.LastIndexOf(' ');
            if (label is not null && !HasLabel(rest[..space], label, value)) continue;
            if (!double.TryParse(rest[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var sample)) continue;
            sum = (sum ?? 0) + sample;
        }

        return sum;
    }

    private static bool HasLabel(ReadOnlySpan<char> labels, string label, string? value)
    {
        foreach (var match in Label().EnumerateMatches(labels))
        {
            var pair = labels.Slice(match.Index, match.Length);
            if (pair.StartsWith(label, StringComparison.Ordinal) && pair[label.Length] == '=' && pair[(label.Length + 2)..^1].SequenceEqual(value)) return true;
        }

        return false;
    }

    [GeneratedRegex(@"[a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\]|\\.)*""")]
    private static partial Regex Label();
}
