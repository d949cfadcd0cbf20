using Eas.Wire.CodePages;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// The name (MS-ASCNTC 2.2.2.45 LastName, 2.2.2.31 FirstName, 2.2.2.47 MiddleName, 2.2.2.62 Title, 2.2.2.61 Suffix)
/// as N (RFC 6350 6.2.2: family; given; additional; prefixes; suffixes), and FileAs (2.2.2.30) as FN (6.2.1).
/// FN is required in 4.0, so a contact without FileAs gets the name composed from its parts (given, middle, family,
/// suffix; else the company; else the first email), and reading gives FileAs only when FN differs from that
/// composed name: a card from another client (<c>FN:Anna Berg</c> with <c>N:Berg;Anna</c>) has no FileAs of its
/// own, and the phone files it as it likes.
/// </summary>
internal sealed class NameMap : IContactPropertyMap
{
    private static readonly ushort[] Parts = [ContactsPage.LastName, ContactsPage.FirstName, ContactsPage.MiddleName, ContactsPage.Title, ContactsPage.Suffix];

    public void Read(ContactCardBinding binding)
    {
        foreach (var (index, property) in binding.Unclaimed("N"))
        {
            var components = property.Components;
            for (var k = 0; k < Parts.Length && k < components.Length; k++)
                binding.TrySet(Parts[k], components[k]);
            binding.Claim(index, "N");
            break;
        }
    }

    /// <summary>Runs after every other map, as the composed name needs the company and email.</summary>
    public static void ReadFormattedName(ContactCardBinding binding)
    {
        foreach (var (index, property) in binding.Unclaimed("FN"))
        {
            var text = property.Text;
            if (!string.Equals(text, Composed(binding.Item), StringComparison.Ordinal)) binding.TrySet(ContactsPage.FileAs, text);
            binding.Claim(index, "FN");
            break;
        }
    }

    public IEnumerable<(string Slot, VCardProperty Property)> Write(ContactItem item, bool explicitFields)
    {
        if (Parts.Any(p => item[p] is not null))
            yield return ("N", new VCardProperty("N", VCardText.Structured(Parts.Select(p => item[p]))));
        yield return ("FN", new VCardProperty("FN", VCardText.Escape(item[ContactsPage.FileAs] ?? Composed(item))));
    }

    /// <summary>The display name made from the parts, the company, or the first email address.</summary>
    internal static string Composed(ContactItem item)
    {
        var name = string.Join(' ', new[] { ContactsPage.FirstName, ContactsPage.MiddleName, ContactsPage.LastName, ContactsPage.Suffix }
            .Select(p => item[p]).Where(v => !string.IsNullOrWhiteSpace(v)));
        if (name.Length > 0) return name;
        if (item[ContactsPage.CompanyName] is { } company) return company;
        return item[ContactsPage.Email1Address] is { } email ? ContactEmail.Parse(email).Address : string.Empty;
    }
}
