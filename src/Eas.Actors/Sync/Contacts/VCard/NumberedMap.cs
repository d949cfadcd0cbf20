using Eas.Wire.CodePages;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// Numbered EAS elements as repeated vCard properties, in order: Email1Address..Email3Address (MS-ASCNTC
/// 2.2.2.27-29) as EMAIL (RFC 6350 6.4.2) and contacts2:IMAddress..IMAddress3 (2.2.2.41-43) as IMPP (RFC 6350 6.4.3;
/// 3.0's <c>X-JABBER</c>, <c>X-AIM</c>... read too). Reading takes the first unclaimed properties by PREF (lowest
/// first, RFC 6350 5.3; 3.0 <c>TYPE=pref</c> counts as 1; none after all that have one), card order among equals.
/// A number left empty before a used one is written with <c>X-EAS-FIELD</c> on the later ones, so that Email3 alone
/// comes back as Email3.
/// </summary>
internal sealed class NumberedMap(
    string name,
    ushort[] tags,
    Func<VCardProperty, string?> read,
    Func<string, VCardProperty> write,
    params string[] alternates) : IContactPropertyMap
{
    public void Read(ContactCardBinding binding)
    {
        var candidates = binding.Unclaimed([name, .. alternates])
            .Select(c => (c.Index, c.Property, Value: read(c.Property)))
            .Where(c => !string.IsNullOrEmpty(c.Value))
            .OrderBy(c => c.Property.Name == name ? 0 : 1).ThenBy(c => ContactVCardMaps.Preference(c.Property)).ToList();
        foreach (var (index, property, value) in candidates)
        {
            if (ContactVCardMaps.ExplicitField(property) is { } tag && tags.Contains(tag) && binding.TrySet(tag, value))
                binding.Claim(index, Slot(tag));
        }

        foreach (var (index, _, value) in candidates.Where(c => !binding.IsClaimed(c.Index)))
        {
            var free = tags.FirstOrDefault(t => binding.Item[t] is null);
            if (free == 0) break;
            binding.TrySet(free, value);
            binding.Claim(index, Slot(free));
        }
    }

    public IEnumerable<(string Slot, VCardProperty Property)> Write(ContactItem item, bool explicitFields)
    {
        var gap = false;
        foreach (var tag in tags)
        {
            if (item[tag] is not { } value)
            {
                gap = true;
                continue;
            }

            var property = write(value);
            if (gap || explicitFields) property = property with { Parameters = [.. property.Parameters, ContactVCardMaps.FieldParameter(tag)] };
            yield return (Slot(tag), property);
        }
    }

    private string Slot(ushort tag) => name + ":" + CodePageTable.NameOf(tag);
}
