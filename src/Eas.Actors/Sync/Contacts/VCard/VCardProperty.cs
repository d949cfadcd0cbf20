using System.Collections.Immutable;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// One content line of a vCard (RFC 6350 3.3): <c>[group "."] name *(";" param) ":" value</c>. The name is kept in
/// upper case, the group as written. <see cref="Value"/> is the value text as the card has it, escapes included
/// (<c>\n \, \; \\</c>, RFC 6350 3.4), after unfolding and after a 3.0 <c>ENCODING=QUOTED-PRINTABLE</c> and its
/// <c>CHARSET</c> were decoded (those two parameters are then gone); <see cref="Text"/>, <see cref="Components"/>
/// and <see cref="ListValues"/> give it unescaped. A property we do not map is written back from these parts as it
/// came (<see cref="ContactVCard.Write"/>).
/// </summary>
public sealed record VCardProperty(string? Group, string Name, ImmutableArray<VCardParameter> Parameters, string Value)
{
    /// <summary>A property without group or parameters.</summary>
    public VCardProperty(string name, string value)
        : this(null, name, [], value)
    {
    }

    /// <summary>The whole value unescaped (a text value, RFC 6350 3.4).</summary>
    public string Text => VCardText.Unescape(Value);

    /// <summary>The components of a structured value (N, ADR, ORG), split on unescaped <c>;</c> and unescaped.</summary>
    public ImmutableArray<string> Components => VCardText.Split(Value, ';').Select(VCardText.Unescape).ToImmutableArray();

    /// <summary>The values of a list value (CATEGORIES, NICKNAME), split on unescaped <c>,</c> and unescaped.</summary>
    public ImmutableArray<string> ListValues => VCardText.Split(Value, ',').Select(VCardText.Unescape).ToImmutableArray();

    /// <summary>The first value of the parameter, or null.</summary>
    public string? Parameter(string name)
    {
        foreach (var parameter in Parameters)
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase) && parameter.Values.Length > 0) return parameter.Values[0];
        return null;
    }

    /// <summary>
    /// Every TYPE value, lower case; a quoted list (<c>TYPE="voice,home"</c>, as RFC 6350 6.4.1's own example writes it)
    /// counts as its values.
    /// </summary>
    public IEnumerable<string> Types =>
        Parameters.Where(p => p.Name == "TYPE").SelectMany(p => p.Values).SelectMany(v => v.Split(',')).Select(v => v.Trim().ToLowerInvariant());

    /// <summary>Whether a TYPE value is <paramref name="type"/> (case-insensitive).</summary>
    public bool HasType(string type) => Types.Contains(type.ToLowerInvariant());
}
