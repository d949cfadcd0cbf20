using System.Globalization;
using System.Text.RegularExpressions;

namespace Eas.Load.Measuring;

/// <summary>
/// A histogram family of a server's <c>/metrics</c> (Prometheus text format 0.0.4): the cumulative count of each
/// <c>NAME_bucket{le="..."}</c> bound (summed over any other labels), <c>NAME_sum</c> and <c>NAME_count</c>. Two
/// readings give what happened between them (<see cref="Minus"/>), and a quantile is estimated as Prometheus's
/// <c>histogram_quantile</c> does: linearly inside the bucket the rank falls in (from 0 for the first bucket), and
/// the highest finite bound when it falls in <c>+Inf</c>.
/// </summary>
internal sealed partial record PrometheusHistogram(IReadOnlyList<(double UpperBound, double Count)> Buckets, double Sum, double Count)
{
    public double Mean => Count > 0 ? Sum / Count : 0;

    /// <summary>The histogram <paramref name="name"/> (without suffix) in <paramref name="text"/>; null when it has no series yet.</summary>
    public static PrometheusHistogram? Parse(string text, string name)
    {
        var buckets = new SortedDictionary<double, double>();
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(name + "_bucket", StringComparison.Ordinal)) continue;
            var match = Bucket().Match(line);
            if (!match.Success) continue;
            var bound = match.Groups[1].Value == "+Inf" ? double.PositiveInfinity : double.Parse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            var count = double.Parse(match.Groups[2].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            buckets[bound] = buckets.GetValueOrDefault(bound) + count;
        }

        if (buckets.Count == 0) return null;
        return new PrometheusHistogram([.. buckets.Select(pair => (pair.Key, pair.Value))],
            PrometheusText.Sum(text, name + "_sum") ?? 0, PrometheusText.Sum(text, name + "_count") ?? 0);
    }

    /// <summary>What was observed after <paramref name="earlier"/> (null: since the start): each count less the earlier one.</summary>
    public PrometheusHistogram Minus(PrometheusHistogram? earlier)
    {
        if (earlier is null) return this;
        var before = earlier.Buckets.ToDictionary(b => b.UpperBound, b => b.Count);
        return new PrometheusHistogram([.. Buckets.Select(b => (b.UpperBound, b.Count - before.GetValueOrDefault(b.UpperBound)))], Sum - earlier.Sum, Count - earlier.Count);
    }

    /// <summary>The estimated <paramref name="quantile"/> (0..1) in the histogram's unit; 0 when it is empty.</summary>
    public double Quantile(double quantile)
    {
        var total = Buckets.Count > 0 ? Buckets[^1].Count : 0;
        if (total <= 0) return 0;
        var rank = quantile * total;
        var (lowerBound, lowerCount) = (0.0, 0.0);
        foreach (var (upper, count) in Buckets)
        {
            if (count >= rank)
            {
                if (double.IsPositiveInfinity(upper)) return lowerBound;
                return count == lowerCount ? upper : lowerBound + (upper - lowerBound) * (rank - lowerCount) / (count - lowerCount);
            }

            (lowerBound, lowerCount) = (upper, count);
        }

        return lowerBound;
    }

    [GeneratedRegex(@"le=""([^""]+)""[^}]*\}\s+(\S+)")]
    private static partial Regex Bucket();
}
