using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace Eas.Host.Diagnostics.Prometheus;

/// <summary>
/// Instrument names, units and tag names turned into Prometheus names, following the OpenTelemetry "Prometheus and
/// OpenMetrics Compatibility" specification (OTLP metric points to Prometheus), so that the names here are the ones
/// an OpenTelemetry Collector would give the same instruments: characters outside the grammar become <c>_</c> and
/// runs of <c>_</c> collapse; the unit (UCUM, <c>s</c> → <c>seconds</c>) is appended unless the name already has it,
/// while annotations like <c>{request}</c> add nothing; <c>1</c> on a gauge is <c>ratio</c>; counters end in
/// <c>_total</c>.
/// </summary>
internal static partial class PrometheusNames
{
    private static readonly FrozenDictionary<string, string> Units = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["d"] = "days", ["h"] = "hours", ["min"] = "minutes", ["s"] = "seconds", ["ms"] = "milliseconds",
        ["us"] = "microseconds", ["ns"] = "nanoseconds", ["By"] = "bytes", ["KiBy"] = "kibibytes", ["MiBy"] = "mebibytes",
        ["GiBy"] = "gibibytes", ["TiBy"] = "tebibytes", ["KBy"] = "kilobytes", ["MBy"] = "megabytes", ["GBy"] = "gigabytes",
        ["TBy"] = "terabytes", ["m"] = "meters", ["V"] = "volts", ["A"] = "amperes", ["J"] = "joules", ["W"] = "watts",
        ["g"] = "grams", ["Cel"] = "celsius", ["Hz"] = "hertz", ["%"] = "percent",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> PerUnits = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["s"] = "second", ["m"] = "minute", ["h"] = "hour", ["d"] = "day", ["w"] = "week", ["mo"] = "month", ["y"] = "year",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The family name of an instrument: <c>eas.request.duration</c> in <c>s</c> is <c>eas_request_duration_seconds</c>.</summary>
    public static string MetricName(string instrumentName, string? unit, MetricKind kind)
    {
        var name = Sanitize(instrumentName, allowColon: true);
        var tokens = name.Split('_', StringSplitOptions.RemoveEmptyEntries);
        var (main, per) = UnitSuffixes(unit, kind.PrometheusType() == "gauge");
        if (main.Length > 0 && !tokens.Contains(main, StringComparer.Ordinal)) name += "_" + main;
        if (per.Length > 0 && !tokens.Contains(per, StringComparer.Ordinal)) name += "_per_" + per;
        if (kind.PrometheusType() == "counter" && !name.EndsWith("_total", StringComparison.Ordinal)) name += "_total";
        return name;
    }

    /// <summary>A label name from a tag name, in the grammar <c>[a-zA-Z_][a-zA-Z0-9_]*</c>; collapsing <c>_</c> also keeps out the reserved <c>__</c> prefix.</summary>
    public static string LabelName(string tagName) => Sanitize(tagName, allowColon: false);

    /// <summary>
    /// The unit's name suffixes: the main unit and the "per" unit of <c>x/y</c>. Annotations in braces are dropped, so
    /// <c>{request}</c> has no suffix and <c>{request}/s</c> is <c>per_second</c>.
    /// </summary>
    private static (string Main, string Per) UnitSuffixes(string? unit, bool gauge)
    {
        var bare = unit is null ? "" : Annotation().Replace(unit, "").Trim();
        if (bare.Length == 0) return ("", "");
        if (bare == "1") return (gauge ? "ratio" : "", "");
        var slash = bare.IndexOf('/', StringComparison.Ordinal);
        var main = slash < 0 ? bare : bare[..slash];
        var per = slash < 0 ? "" : bare[(slash + 1)..];
        return (Units.GetValueOrDefault(main) ?? Alphanumeric(main), PerUnits.GetValueOrDefault(per) ?? Alphanumeric(per));
    }

    private static string Alphanumeric(string unit) => string.Concat(unit.Where(char.IsAsciiLetterOrDigit));

    /// <summary>Replaces characters outside the name grammar with <c>_</c> and collapses runs of <c>_</c>; a leading digit gets <c>_</c> before it.</summary>
    private static string Sanitize(string name, bool allowColon)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            var valid = char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');
            var next = valid ? c : '_';
            if (next == '_' && builder.Length > 0 && builder[^1] == '_') continue;
            builder.Append(next);
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0])) builder.Insert(0, '_');
        return builder.ToString();
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Annotation();
}
