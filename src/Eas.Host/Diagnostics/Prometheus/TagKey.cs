namespace Eas.Host.Diagnostics.Prometheus;

/// <summary>
/// A measurement's tag set as a dictionary key: the tags sorted by name, one per name. Its hash and equality ignore
/// order, so <see cref="TagKeyComparer"/> can find a known key straight from the span of tags a measurement comes
/// with, without building a key (no allocation per measurement once a tag set has been seen). Values compare with
/// <see cref="object.Equals(object?, object?)"/>: a boxed <c>200</c> and the string <c>"200"</c> are different keys
/// that render the same labels, which <see cref="MetricFamily"/> folds into one series.
/// </summary>
internal sealed class TagKey
{
    public static readonly TagKey Empty = new([]);

    private readonly KeyValuePair<string, object?>[] _tags;

    private TagKey(KeyValuePair<string, object?>[] tags)
    {
        _tags = tags;
        Hash = HashOf(tags);
    }

    public ReadOnlySpan<KeyValuePair<string, object?>> Tags => _tags;

    public int Hash { get; }

    /// <summary>The key of <paramref name="tags"/>; a name given twice keeps its last value.</summary>
    public static TagKey From(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty) return Empty;
        var unique = new Dictionary<string, object?>(tags.Length, StringComparer.Ordinal);
        foreach (var tag in tags) unique[tag.Key] = tag.Value;
        var sorted = unique.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new TagKey(sorted);
    }

    /// <summary>A hash that does not depend on the order of the tags: the sum of each tag's hash.</summary>
    public static int HashOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var hash = 0;
        foreach (var tag in tags) hash += HashCode.Combine(tag.Key, tag.Value);
        return hash;
    }

    /// <summary>Whether <paramref name="tags"/>, in any order, are exactly this key's tags.</summary>
    public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length != _tags.Length) return false;
        for (var i = 0; i < tags.Length; i++)
        {
            if (!Contains(tags[i])) return false;
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(tags[i].Key, tags[j].Key, StringComparison.Ordinal)) return false;
            }
        }

        return true;
    }

    private bool Contains(KeyValuePair<string, object?> tag)
    {
        foreach (var mine in _tags)
        {
            if (string.Equals(mine.Key, tag.Key, StringComparison.Ordinal)) return Equals(mine.Value, tag.Value);
        }

        return false;
    }
}

/// <summary>Compares <see cref="TagKey"/>s, and a span of tags with a key, so a dictionary can be searched with the span.</summary>
internal sealed class TagKeyComparer : IEqualityComparer<TagKey>, IAlternateEqualityComparer<ReadOnlySpan<KeyValuePair<string, object?>>, TagKey>
{
    public static readonly TagKeyComparer Instance = new();

    public bool Equals(TagKey? x, TagKey? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.Hash == y.Hash && x.Matches(y.Tags));

    public int GetHashCode(TagKey obj) => obj.Hash;

    public bool Equals(ReadOnlySpan<KeyValuePair<string, object?>> alternate, TagKey other) => other.Matches(alternate);

    public int GetHashCode(ReadOnlySpan<KeyValuePair<string, object?>> alternate) => TagKey.HashOf(alternate);

    public TagKey Create(ReadOnlySpan<KeyValuePair<string, object?>> alternate) => TagKey.From(alternate);
}
