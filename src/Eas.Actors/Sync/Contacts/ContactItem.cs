using System.Collections.Immutable;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// One contact as EAS sees it (MS-ASCNTC 2.2.2): the single-valued elements of the Contacts (page 1) and
/// Contacts2 (page 12) code pages in <see cref="Fields"/>, keyed by their tag (<c>Eas.Wire.CodePages.Contacts.*</c>,
/// <c>Contacts2.*</c>), with their wire values (dates in the MS-ASDTYPE 2.3 form <c>2026-12-06T00:00:00.000Z</c>);
/// the two collections (contacts:Categories 2.2.2.19, contacts:Children 2.2.2.21), the plain-text notes
/// (airsyncbase:Body or the 2.5 contacts:Body, 2.2.2.7) and the picture (contacts:Picture 2.2.2.58, base64 as on
/// the wire). An absent or empty value is no value: <see cref="Fields"/> never holds an empty string.
/// Equality is by value: the same fields, the same categories and children in the same order, body and picture.
/// </summary>
public sealed record ContactItem
{
    private readonly ImmutableDictionary<ushort, string> _fields = ImmutableDictionary<ushort, string>.Empty;
    private readonly ImmutableArray<string> _categories = [];
    private readonly ImmutableArray<string> _children = [];

    /// <summary>A contact with nothing in it.</summary>
    public static ContactItem Empty { get; } = new();

    /// <summary>The single-valued elements by tag; values are never empty.</summary>
    public ImmutableDictionary<ushort, string> Fields
    {
        get => _fields;
        init => _fields = (value ?? ImmutableDictionary<ushort, string>.Empty).RemoveRange(value?.Where(f => string.IsNullOrEmpty(f.Value)).Select(f => f.Key) ?? []);
    }

    /// <summary>contacts:Category values, in order (MS-ASCNTC 2.2.2.19, 2.2.2.20).</summary>
    public ImmutableArray<string> Categories
    {
        get => _categories;
        init => _categories = value.IsDefault ? [] : value;
    }

    /// <summary>contacts:Child values, in order (MS-ASCNTC 2.2.2.21, 2.2.2.22).</summary>
    public ImmutableArray<string> Children
    {
        get => _children;
        init => _children = value.IsDefault ? [] : value;
    }

    /// <summary>The notes as plain text, or null (MS-ASCNTC 2.2.2.7; MS-ASAIRS 2.2.2.9).</summary>
    public string? Body { get; init; }

    /// <summary>The picture as the base64 text of contacts:Picture (MS-ASCNTC 2.2.2.58), or null.</summary>
    public string? Picture { get; init; }

    /// <summary>The value of one field, or null.</summary>
    public string? this[ushort tag] => _fields.GetValueOrDefault(tag);

    /// <summary>This item with one field set, or removed when <paramref name="value"/> is null or empty.</summary>
    public ContactItem With(ushort tag, string? value) =>
        this with { Fields = string.IsNullOrEmpty(value) ? _fields.Remove(tag) : _fields.SetItem(tag, value) };

    /// <inheritdoc/>
    public bool Equals(ContactItem? other) =>
        other is not null
        && _fields.Count == other._fields.Count
        && _fields.All(f => other._fields.TryGetValue(f.Key, out var v) && string.Equals(f.Value, v, StringComparison.Ordinal))
        && _categories.SequenceEqual(other._categories, StringComparer.Ordinal)
        && _children.SequenceEqual(other._children, StringComparer.Ordinal)
        && string.Equals(Body, other.Body, StringComparison.Ordinal)
        && string.Equals(Picture, other.Picture, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (tag, value) in _fields.OrderBy(f => f.Key))
        {
            hash.Add(tag);
            hash.Add(value, StringComparer.Ordinal);
        }

        foreach (var category in _categories) hash.Add(category, StringComparer.Ordinal);
        foreach (var child in _children) hash.Add(child, StringComparer.Ordinal);
        hash.Add(Body, StringComparer.Ordinal);
        hash.Add(Picture, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    /// <summary>A readable form for test failures: every field by its element name.</summary>
    public override string ToString()
    {
        var parts = _fields.OrderBy(f => f.Key).Select(f => $"{Eas.Wire.CodePages.CodePageTable.NameOf(f.Key)}={f.Value}").ToList();
        if (_categories.Length > 0) parts.Add($"Categories=[{string.Join("|", _categories)}]");
        if (_children.Length > 0) parts.Add($"Children=[{string.Join("|", _children)}]");
        if (Body is not null) parts.Add($"Body={Body}");
        if (Picture is not null) parts.Add($"Picture={Picture.Length} chars");
        return $"ContactItem {{ {string.Join(", ", parts)} }}";
    }
}
