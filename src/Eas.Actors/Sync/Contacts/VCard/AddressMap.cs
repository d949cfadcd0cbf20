using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// The three postal addresses as ADR (RFC 6350 6.3.1: PO box; extended; street; locality; region; postal code;
/// country): home as <c>TYPE=home</c>, business as <c>TYPE=work</c>, other as an ADR with neither (or 3.0/Google's
/// <c>TYPE=other</c>). Street (MS-ASCNTC 2.2.2.*AddressStreet, which may hold several lines), City, State,
/// PostalCode and Country fill the street, locality, region, code and country components. Reading a card with a
/// PO box or extended address puts them on lines after the street, so nothing is dropped.
/// </summary>
internal sealed class AddressMap : IContactPropertyMap
{
    private static readonly (string Slot, string? Type, ushort[] Tags)[] Places =
    [
        ("ADR:home", "home", [ContactsPage.HomeAddressStreet, ContactsPage.HomeAddressCity, ContactsPage.HomeAddressState, ContactsPage.HomeAddressPostalCode, ContactsPage.HomeAddressCountry]),
        ("ADR:work", "work", [ContactsPage.BusinessAddressStreet, ContactsPage.BusinessAddressCity, ContactsPage.BusinessAddressState, ContactsPage.BusinessAddressPostalCode, ContactsPage.BusinessAddressCountry]),
        ("ADR:other", null, [ContactsPage.OtherAddressStreet, ContactsPage.OtherAddressCity, ContactsPage.OtherAddressState, ContactsPage.OtherAddressPostalCode, ContactsPage.OtherAddressCountry]),
    ];

    public void Read(ContactCardBinding binding)
    {
        var candidates = binding.Unclaimed("ADR").OrderBy(c => ContactVCardMaps.Preference(c.Property)).ToList();
        foreach (var (index, property) in candidates)
        {
            var label = ContactVCardMaps.AppleLabel(binding.Card, property)?.ToLowerInvariant();
            var type = property.HasType("home") || label == "home" ? "home" : property.HasType("work") || label == "work" ? "work" : null;
            var place = Places.First(p => p.Type == type);
            if (binding.Slots.ContainsKey(place.Slot)) continue;

            var c = property.Components;
            string Part(int k) => k < c.Length ? c[k] : string.Empty;
            var street = string.Join('\n', new[] { Part(2), Part(1), Part(0) }.Where(s => s.Length > 0));
            string[] values = [street, Part(3), Part(4), Part(5), Part(6)];
            if (values.All(v => v.Length == 0)) continue;
            for (var k = 0; k < values.Length; k++) binding.TrySet(place.Tags[k], values[k]);
            binding.Claim(index, place.Slot);
        }
    }

    public IEnumerable<(string Slot, VCardProperty Property)> Write(ContactItem item, bool explicitFields)
    {
        foreach (var (slot, type, tags) in Places)
        {
            if (tags.All(t => item[t] is null)) continue;
            var value = VCardText.Structured([string.Empty, string.Empty, .. tags.Select(t => item[t])]);
            yield return (slot, new VCardProperty(null, "ADR", type is null ? [] : [new VCardParameter("TYPE", type)], value));
        }
    }
}
