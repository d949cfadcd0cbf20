namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// One EAS string element as one vCard text property: written as <paramref name="name"/>, read from the first
/// unclaimed property named <paramref name="name"/> or one of <paramref name="alternates"/> (other writers' names
/// for the same thing, e.g. Evolution's <c>X-EVOLUTION-SPOUSE</c>).
/// </summary>
internal sealed class TextPropertyMap(ushort tag, string name, params string[] alternates) : IContactPropertyMap
{
    public void Read(ContactCardBinding binding)
    {
        foreach (var candidate in (string[])[name, .. alternates])
        {
            foreach (var (index, property) in binding.Unclaimed(candidate))
            {
                if (property.Text.Length == 0) continue;
                binding.TrySet(tag, property.Text);
                binding.Claim(index, name);
                return;
            }
        }
    }

    public IEnumerable<(string Slot, VCardProperty Property)> Write(ContactItem item)
    {
        if (item[tag] is { } value) yield return (name, new VCardProperty(name, VCardText.Escape(value)));
    }
}
