using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Eas.Host.Tests.Diagnostics;

/// <summary>One sample line: its metric name (with any histogram suffix), labels and value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>A family: the name its TYPE line declares, the type, the HELP text and its samples in order.</summary>
public sealed record PrometheusFamily(string Name, string Type, string? Help, List<PrometheusSample> Samples);

/// <summary>A parsed scrape, with look-ups by name and label subset.</summary>
public sealed class PrometheusScrape(IReadOnlyDictionary<string, PrometheusFamily> families)
{
    public IReadOnlyDictionary<string, PrometheusFamily> Families { get; } = families;

    public IEnumerable<PrometheusSample> Samples => Families.Values.SelectMany(f => f.Samples);

    /// <summary>The samples named <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    public IEnumerable<PrometheusSample> Matching(string name, params (string Label, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value));

    /// <summary>The total of the matching samples; 0 when there are none (a series not yet created).</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) => Matching(name, labels).Sum(s => s.Value);

    /// <summary>The value of the one matching sample; fails unless exactly one matches.</summary>
    public double Single(string name, params (string Label, string Value)[] labels) => Matching(name, labels).Single().Value;
}

/// <summary>
/// A strict parser of the Prometheus text exposition format 0.0.4, used on every output the tests see. Every line is
/// a <c># HELP</c> or <c># TYPE</c> comment, blank, or a sample <c>name{labels} value [timestamp]</c> with valid
/// name and label grammar and escapes. Every sample's family has a TYPE line before it; a family's lines are one
/// group; no series appears twice; counters are not negative; histogram series have <c>le</c> buckets in increasing
/// order with non-decreasing counts ending at <c>+Inf</c>, and a <c>_count</c> equal to that last bucket.
/// </summary>
public static partial class PrometheusTextParser
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public static PrometheusScrape Parse(string text)
    {
        if (text.Contains('\r')) throw new FormatException("The text contains a carriage return.");
        if (text.Length > 0 && !text.EndsWith('\n')) throw new FormatException("The text does not end with a line feed.");
        var families = new Dictionary<string, PrometheusFamily>(StringComparer.Ordinal);
        var helps = new Dictionary<string, string>(StringComparer.Ordinal);
        var closed = new HashSet<string>(StringComparer.Ordinal);
        var series = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var lines = text.Split('\n');
        for (var number = 1; number < lines.Length; number++)
        {
            var line = lines[number - 1];
            try
            {
                if (line.Length == 0) continue;
                if (line.StartsWith('#'))
                {
                    var (keyword, name) = Comment(line, families, helps);
                    if (closed.Contains(name) || current == name) throw new FormatException($"{keyword} for {name} after its samples.");
                    continue;
                }

                var sample = Sample(line);
                var family = FamilyOf(sample, families);
                if (family.Name != current)
                {
                    if (current is not null) closed.Add(current);
                    if (closed.Contains(family.Name)) throw new FormatException($"The lines of {family.Name} are not one group.");
                    current = family.Name;
                }

                if (!series.Add(sample.Name + "{" + string.Join(',', sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)) + "}"))
                    throw new FormatException($"The series {sample.Name} with these labels appears twice.");
                if (family.Type == "counter" && !(sample.Value >= 0)) throw new FormatException($"The counter {sample.Name} is {sample.Value}.");
                family.Samples.Add(sample);
            }
            catch (FormatException e)
            {
                throw new FormatException($"Line {number}: {e.Message} [{line}]", e);
            }
        }

        foreach (var family in families.Values.Where(f => f.Type == "histogram")) CheckHistogram(family);
        return new PrometheusScrape(families);
    }

    private static (string Keyword, string Name) Comment(string line, Dictionary<string, PrometheusFamily> families, Dictionary<string, string> helps)
    {
        if (HelpLine().Match(line) is { Success: true } help)
        {
            var name = help.Groups["name"].Value;
            if (!helps.TryAdd(name, Unescape(help.Groups["text"].Value, quote: false))) throw new FormatException($"A second HELP for {name}.");
            if (families.TryGetValue(name, out var typed)) families[name] = typed with { Help = helps[name] };
            return ("HELP", name);
        }

        if (TypeLine().Match(line) is { Success: true } type)
        {
            var name = type.Groups["name"].Value;
            var kind = type.Groups["type"].Value;
            if (!Types.Contains(kind)) throw new FormatException($"Unknown type {kind}.");
            if (!families.TryAdd(name, new PrometheusFamily(name, kind, helps.GetValueOrDefault(name), [])))
                throw new FormatException($"A second TYPE for {name}.");
            return ("TYPE", name);
        }

        throw new FormatException("A comment that is neither HELP nor TYPE.");
    }

    private static PrometheusSample Sample(string line)
    {
        var match = SampleLine().Match(line);
        if (!match.Success) throw new FormatException("Not a sample line.");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (match.Groups["labels"].Success)
        {
            var body = match.Groups["labels"].Value;
            var position = 0;
            while (position < body.Length)
            {
                var label = LabelPair().Match(body, position);
                if (!label.Success || label.Index != position) throw new FormatException($"Bad label at {position} in {{{body}}}.");
                var name = label.Groups["name"].Value;
                if (name.StartsWith("__", StringComparison.Ordinal)) throw new FormatException($"The label name {name} is reserved.");
                if (!labels.TryAdd(name, Unescape(label.Groups["value"].Value, quote: true))) throw new FormatException($"The label {name} twice.");
                position += label.Length;
                if (position == body.Length) break;
                if (body[position] != ',' || position == body.Length - 1) throw new FormatException($"Labels must be separated by single commas: {{{body}}}.");
                position++;
            }
        }

        return new PrometheusSample(match.Groups["name"].Value, labels, ParseValue(match.Groups["value"].Value));
    }

    private static PrometheusFamily FamilyOf(PrometheusSample sample, Dictionary<string, PrometheusFamily> families)
    {
        if (families.TryGetValue(sample.Name, out var direct) && direct.Type is not ("histogram" or "summary"))
        {
            if (sample.Labels.ContainsKey("le")) throw new FormatException($"{sample.Name} is not a histogram bucket but has le.");
            return direct;
        }

        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (!sample.Name.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var baseName = sample.Name[..^suffix.Length];
            if (!families.TryGetValue(baseName, out var family) || family.Type != "histogram") continue;
            if ((suffix == "_bucket") != sample.Labels.ContainsKey("le")) throw new FormatException($"{sample.Name}: le belongs on buckets only.");
            return family;
        }

        throw new FormatException($"No TYPE line declares the family of {sample.Name}.");
    }

    private static void CheckHistogram(PrometheusFamily family)
    {
        var bySeries = family.Samples.GroupBy(s => string.Join(',', s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal)));
        foreach (var group in bySeries)
        {
            var buckets = group.Where(s => s.Name == family.Name + "_bucket").ToList();
            var where = $"{family.Name}{{{group.Key}}}";
            if (buckets.Count == 0) throw new FormatException($"{where} has no buckets.");
            var bounds = buckets.Select(b => ParseValue(b.Labels["le"])).ToList();
            for (var i = 1; i < buckets.Count; i++)
            {
                if (!(bounds[i] > bounds[i - 1])) throw new FormatException($"{where}: le {bounds[i]} does not increase.");
                if (buckets[i].Value < buckets[i - 1].Value) throw new FormatException($"{where}: buckets are not cumulative at le {bounds[i]}.");
            }

            if (!double.IsPositiveInfinity(bounds[^1])) throw new FormatException($"{where}: the last bucket is not +Inf.");
            if (buckets[0].Value < 0) throw new FormatException($"{where}: a negative bucket.");
            var count = group.Where(s => s.Name == family.Name + "_count").ToList();
            if (count.Count != 1 || count[0].Value != buckets[^1].Value) throw new FormatException($"{where}: _count is missing or differs from the +Inf bucket.");
            if (group.Count(s => s.Name == family.Name + "_sum") > 1) throw new FormatException($"{where}: _sum twice.");
        }
    }

    /// <summary>A Go float as Prometheus reads it.</summary>
    private static double ParseValue(string text) => text switch
    {
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ when FloatText().IsMatch(text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => throw new FormatException($"Not a number: {text}."),
    };

    /// <summary>Undoes the escapes the format allows (<c>\\</c>, <c>\n</c>, and <c>\"</c> in label values), refusing any other.</summary>
    private static string Unescape(string text, bool quote)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                result.Append(text[i]);
                continue;
            }

            if (++i == text.Length) throw new FormatException("A backslash at the end.");
            result.Append(text[i] switch
            {
                '\\' => '\\',
                'n' => '\n',
                '"' when quote => '"',
                _ => throw new FormatException($"The escape \\{text[i]} is not allowed."),
            });
        }

        return result.ToString();
    }

    [GeneratedRegex(@"^# HELP (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<text>.*)$")]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"^# TYPE (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<type>[a-z]+)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^\n]*)\})? (?<value>\S+)( -?[0-9]+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"\G(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\\n]|\\.)*)""")]
    private static partial Regex LabelPair();

    [GeneratedRegex(@"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")]
    private static partial Regex FloatText();
}
