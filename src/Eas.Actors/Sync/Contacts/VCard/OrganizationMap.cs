using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// CompanyName (MS-ASCNTC 2.2.2.24) and Department (2.2.2.26) as ORG (RFC 6350 6.6.4: organization; unit; ...).
/// Units after the first are kept in the card unmapped: an unchanged ORG is written back as it was.
/// </summary>
internal sealed class OrganizationMap : IContactPropertyMap
{
    public void Read(ContactCardBinding binding)
    {
        foreach (var (index, property) in binding.Unclaimed("ORG"))
        {
            var components = property.Components;
            if (components.All(c => c.Length == 0)) continue;
            binding.TrySet(ContactsPage.CompanyName, components[0]);
            if (components.Length > 1) binding.TrySet(ContactsPage.Department, components[1]);
            binding.Claim(index, "ORG");
            return;
        }
    }

    public IEnumerable<(string Slot, VCardProperty Property)> Write(ContactItem item, bool explicitFields)
    {
        var company = item[ContactsPage.CompanyName];
        var department = item[ContactsPage.Department];
        if (company is null && department is null) yield break;
        yield return ("ORG", new VCardProperty("ORG", department is null ? VCardText.Escape(company!) : VCardText.Structured(company, department)));
    }
}
