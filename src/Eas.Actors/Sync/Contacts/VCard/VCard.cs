using System.Collections.Immutable;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// A parsed vCard (RFC 6350 for 4.0, RFC 2426 for 3.0, and the 2.1 forms Outlook still writes): the content lines
/// between BEGIN:VCARD and END:VCARD in order, without BEGIN, END and VERSION, and what the reader skipped.
/// </summary>
/// <param name="Version">The VERSION value as written (<c>4.0</c>, <c>3.0</c>, <c>2.1</c>), or empty when missing.</param>
/// <param name="Properties">The content lines, in card order.</param>
/// <param name="Warnings">One line per content line the reader could not use, saying why; empty for a clean card.</param>
public sealed record VCard(string Version, ImmutableArray<VCardProperty> Properties, ImmutableArray<string> Warnings)
{
    /// <summary>The properties with the name (upper case), in card order.</summary>
    public IEnumerable<VCardProperty> All(string name) => Properties.Where(p => p.Name == name);

    /// <summary>The first property with the name, or null.</summary>
    public VCardProperty? First(string name) => Properties.FirstOrDefault(p => p.Name == name);
}
