using Eas.Wire.CodePages;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// The thirteen phone numbers as TEL (RFC 6350 6.4.1; RFC 2426 3.3.1), told apart by TYPE:
/// <list type="table">
/// <listheader><term>EAS element (MS-ASCNTC)</term><description>TEL TYPE written (also read)</description></listheader>
/// <item><term>BusinessPhoneNumber 2.2.2.17</term><description><c>work,voice</c>, the first work number</description></item>
/// <item><term>Business2PhoneNumber 2.2.2.10</term><description><c>work,voice</c>, the second</description></item>
/// <item><term>HomePhoneNumber 2.2.2.40</term><description><c>home,voice</c>, the first home number</description></item>
/// <item><term>Home2PhoneNumber 2.2.2.33</term><description><c>home,voice</c>, the second</description></item>
/// <item><term>MobilePhoneNumber 2.2.2.49</term><description><c>cell</c> (<c>mobile</c>, <c>iphone</c>; an untyped, <c>voice</c> or <c>text</c> number when free)</description></item>
/// <item><term>CarPhoneNumber 2.2.2.18</term><description><c>car</c> (3.0's type, kept as an iana-token)</description></item>
/// <item><term>PagerNumber 2.2.2.57</term><description><c>pager</c></description></item>
/// <item><term>RadioPhoneNumber 2.2.2.59</term><description><c>x-radio</c> (<c>radio</c>, Outlook's <c>X-MS-TEL;TYPE=RADIO</c>)</description></item>
/// <item><term>BusinessFaxNumber 2.2.2.16</term><description><c>work,fax</c> (a fax with no place)</description></item>
/// <item><term>HomeFaxNumber 2.2.2.39</term><description><c>home,fax</c></description></item>
/// <item><term>AssistantPhoneNumber 2.2.2.5</term><description><c>x-assistant</c> (<c>assistant</c>, Apple's <c>X-ABLabel</c> "Assistant", <c>X-MS-TEL;TYPE=ASSISTANT</c>)</description></item>
/// <item><term>contacts2:CompanyMainPhone 2.2.2.23</term><description><c>x-company-main</c> (<c>main</c>, <c>X-MS-TEL;TYPE=COMPANY</c>)</description></item>
/// <item><term>contacts2:MMS 2.2.2.48</term><description><c>x-mms</c> (<c>mms</c>)</description></item>
/// </list>
/// A <c>tel:</c> URI value is read as its number. A number whose place is taken already (a third home number) stays in the card unmapped, and survives writes.
/// </summary>
internal sealed class PhoneMap : IContactPropertyMap
{
    private static readonly (ushort Tag, string[] Types)[] Written =
    [
        (ContactsPage.BusinessPhoneNumber, ["work", "voice"]),
        (ContactsPage.Business2PhoneNumber, ["work", "voice"]),
        (ContactsPage.HomePhoneNumber, ["home", "voice"]),
        (ContactsPage.Home2PhoneNumber, ["home", "voice"]),
        (ContactsPage.MobilePhoneNumber, ["cell"]),
        (ContactsPage.CarPhoneNumber, ["car"]),
        (ContactsPage.PagerNumber, ["pager"]),
        (ContactsPage.RadioPhoneNumber, ["x-radio"]),
        (ContactsPage.BusinessFaxNumber, ["work", "fax"]),
        (ContactsPage.HomeFaxNumber, ["home", "fax"]),
        (ContactsPage.AssistantPhoneNumber, ["x-assistant"]),
        (Contacts2.CompanyMainPhone, ["x-company-main"]),
        (Contacts2.MMS, ["x-mms"]),
    ];

    public void Read(ContactCardBinding binding)
    {
        var candidates = binding.Unclaimed("TEL", "X-MS-TEL").Where(c => c.Property.Text.Trim().Length > 0)
            .OrderBy(c => ContactVCardMaps.Preference(c.Property)).ToList();
        foreach (var (index, property) in candidates)
        {
            if (ContactVCardMaps.ExplicitField(property) is { } tag && Written.Any(w => w.Tag == tag) && binding.TrySet(tag, Number(property)))
                binding.Claim(index, Slot(tag));
        }

        foreach (var (index, property) in candidates.Where(c => !binding.IsClaimed(c.Index)))
        {
            var label = ContactVCardMaps.AppleLabel(binding.Card, property);
            var free = Places(property, label).FirstOrDefault(t => binding.Item[t] is null);
            if (free == 0) continue;
            binding.TrySet(free, Number(property));
            binding.Claim(index, Slot(free));
        }
    }

    public IEnumerable<(string Slot, VCardProperty Property)> Write(ContactItem item, bool explicitFields)
    {
        var gap = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (tag, types) in Written)
        {
            var key = string.Join(',', types);
            if (item[tag] is not { } value)
            {
                gap.Add(key);
                continue;
            }

            List<VCardParameter> parameters = [new("TYPE", [.. types])];
            if (gap.Contains(key) || (explicitFields && Written.Count(w => string.Join(',', w.Types) == key) > 1)) parameters.Add(ContactVCardMaps.FieldParameter(tag));
            yield return (Slot(tag), new VCardProperty(null, "TEL", [.. parameters], VCardText.Escape(value)));
        }
    }

    /// <summary>The number as text: a 4.0 <c>tel:</c> URI (RFC 3966) without its scheme, as phones dial digits.</summary>
    private static string Number(VCardProperty property)
    {
        var text = property.Text.Trim();
        return text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
    }

    /// <summary>The places a number can take, in order of preference.</summary>
    private static ushort[] Places(VCardProperty property, string? label)
    {
        var types = property.Types.ToHashSet(StringComparer.Ordinal);
        if (label is not null) types.Add(label.ToLowerInvariant());
        bool Has(params string[] names) => names.Any(types.Contains);

        if (Has("fax")) return Has("home") ? [ContactsPage.HomeFaxNumber] : Has("work") ? [ContactsPage.BusinessFaxNumber] : [ContactsPage.BusinessFaxNumber, ContactsPage.HomeFaxNumber];
        if (Has("x-assistant", "assistant")) return [ContactsPage.AssistantPhoneNumber];
        if (Has("x-company-main", "main", "x-main", "company")) return [Contacts2.CompanyMainPhone];
        if (Has("x-mms", "mms")) return [Contacts2.MMS];
        if (Has("x-radio", "radio")) return [ContactsPage.RadioPhoneNumber];
        if (Has("pager")) return [ContactsPage.PagerNumber];
        if (Has("car")) return [ContactsPage.CarPhoneNumber];
        if (Has("cell", "mobile", "iphone")) return [ContactsPage.MobilePhoneNumber];
        if (Has("work")) return [ContactsPage.BusinessPhoneNumber, ContactsPage.Business2PhoneNumber];
        if (Has("home")) return [ContactsPage.HomePhoneNumber, ContactsPage.Home2PhoneNumber];
        if (property.Name == "X-MS-TEL") return [];
        return [ContactsPage.MobilePhoneNumber, ContactsPage.HomePhoneNumber, ContactsPage.Home2PhoneNumber];
    }

    private static string Slot(ushort tag) => "TEL:" + CodePageTable.NameOf(tag);
}
