namespace Eas.Actors.Sync.Calendar.Ics;

/// <summary>
/// One iCalendar component (RFC 5545 3.4, 3.6): its name, its properties in stored order and its sub-components.
/// The codec edits the stored component in place, so every property it does not map stays exactly as it was.
/// </summary>
public sealed class IcsComponent(string name)
{
    public string Name { get; } = name.ToUpperInvariant();

    public List<IcsProperty> Properties { get; } = [];

    public List<IcsComponent> Components { get; } = [];

    /// <summary>The first property of that name; null when there is none.</summary>
    public IcsProperty? Property(string name) => Properties.Find(p => p.Is(name));

    /// <summary>The value of the first property of that name.</summary>
    public string? Value(string name) => Property(name)?.Value;

    public IEnumerable<IcsProperty> All(string name) => Properties.Where(p => p.Is(name));

    public IEnumerable<IcsComponent> Children(string name) => Components.Where(c => c.Name == name);

    /// <summary>Removes every property of that name.</summary>
    public void Remove(string name) => Properties.RemoveAll(p => p.Is(name));

    /// <summary>Replaces every property of that name by <paramref name="property"/> (kept in the first one's place), or removes them for null.</summary>
    public void Set(string name, IcsProperty? property)
    {
        var index = Properties.FindIndex(p => p.Is(name));
        Remove(name);
        if (property is null) return;
        if (index < 0 || index > Properties.Count) Properties.Add(property);
        else Properties.Insert(index, property);
    }

    /// <summary>Sets a property with only a value (and no parameters), or removes it for null.</summary>
    public void SetValue(string name, string? value) => Set(name, value is null ? null : new IcsProperty(name, [], value));

    /// <summary>A deep copy.</summary>
    public IcsComponent Copy()
    {
        var copy = new IcsComponent(Name);
        copy.Properties.AddRange(Properties);
        copy.Components.AddRange(Components.Select(c => c.Copy()));
        return copy;
    }
}

/// <summary>A content line (RFC 5545 3.1): name, parameters, and the value as stored (escaped for TEXT).</summary>
public sealed record IcsProperty(string Name, IReadOnlyList<IcsParameter> Parameters, string Value)
{
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of a parameter; null when absent.</summary>
    public string? Parameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>A copy with the parameter set (or removed for null), the others kept in order.</summary>
    public IcsProperty WithParameter(string name, string? value)
    {
        var list = Parameters.ToList();
        var index = list.FindIndex(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0) list.RemoveAt(index);
        if (value is not null) list.Insert(index >= 0 ? index : list.Count, new IcsParameter(name, value));
        return this with { Parameters = list };
    }
}

/// <summary>A property parameter (RFC 5545 3.2); the value unquoted.</summary>
public sealed record IcsParameter(string Name, string Value);
