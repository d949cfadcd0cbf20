using Eas.Wire.CodePages;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// Email1Address..Email3Address (MS-ASCNTC 2.2.2.24-26) as EMAIL (RFC 6350 6.4.2), in that order: the first three
/// EMAIL properties by PREF (lowest first, RFC 6350 5.3; 3.0 <c>TYPE=pref</c> counts as 1; none after all that have
/// one), card order among equals. The display form travels in <c>X-EAS-ADDRESS</c> (<see cref="ContactEmail"/>).
/// An email slot left empty between two used ones is written with <c>X-EAS-FIELD</c> on the later ones, so that
/// Email3 alone comes back as Email3.
/// </summary>
internal sealed class EmailMap : IContactPropertyMap
{
    private static readonly ushort[] Tags = [ContactsPage.Email1Address, ContactsPage.Email2Address, ContactsPage.Email3Address];

    public void Read(ContactCardBinding binding)
    {
        var candidates = binding.Unclaimed("EMAIL").Where(c => c.Property.Text.Trim().Length > 0)
            .OrderBy(c => ContactVCardMaps.Preference(c.Property)).ToList();
        foreach (var (index, property) in candidates.Where(c => ContactVCardMaps.ExplicitField(c.Property) is not null))
        {
            var tag = ContactVCardMaps.ExplicitField(property)!.Value;
            if (Tags.Contains(tag) && binding.TrySet(tag, Value(property))) binding.Claim(index, Slot(tag));
        }

        foreach (var (index, property) in candidates.Where(c => !binding.IsClaimed(c.Index)))
        {
            var free = Tags.FirstOrDefault(t => binding.Item[t] is null);
            if (free == 0) break;
            binding.TrySet(free, Value(property));
            binding.Claim(index, Slot(free));
        }
    }

    public IEnumerable<(string Slot, VCardProperty Property)> Write(ContactItem item)
    {
        var gap = false;
        foreach (var tag in Tags)
        {
            if (item[tag] is not { } value)
            {
                gap = true;
                continue;
            }

            var email = ContactEmail.Parse(value);
            var parameters = new List<VCardParameter>();
            if (!string.Equals(email.Address, value, StringComparison.Ordinal)) parameters.Add(new VCardParameter("X-EAS-ADDRESS", value));
            if (gap) parameters.Add(ContactVCardMaps.FieldParameter(tag));
            yield return (Slot(tag), new VCardProperty(null, "EMAIL", [.. parameters], VCardText.Escape(email.Address)));
        }
    }

    private static string Value(VCardProperty property)
    {
        var address = property.Text.Trim();
        if (address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) address = address[7..];
        var display = property.Parameter("X-EAS-ADDRESS");
        return display is not null && string.Equals(ContactEmail.Parse(display).Address, address, StringComparison.OrdinalIgnoreCase) ? display : address;
    }

    private static string Slot(ushort tag) => "EMAIL:" + CodePageTableName(tag);

    private static string CodePageTableName(ushort tag) => Eas.Wire.CodePages.CodePageTable.NameOf(tag);
}
