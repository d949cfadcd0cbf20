using System.Globalization;
using Eas.Wire.CodePages;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// The contact↔vCard mapping, one map per part, in the order they read (a map takes the properties earlier maps
/// left) and write. Every element of the Contacts and Contacts2 code pages has a place; where vCard has none the
/// element is an <c>X-EAS-&lt;NAME&gt;</c> property, so nothing a phone sends is lost.
/// </summary>
internal static class ContactVCardMaps
{
    /// <summary>The parameter that names the EAS element a property belongs to, where order or TYPE cannot tell.</summary>
    public const string FieldParameterName = "X-EAS-FIELD";

    /// <summary>Parameters a map always sets itself: not carried over from a replaced property.</summary>
    public static readonly string[] OwnedParameters = ["VALUE", "ENCODING", "MEDIATYPE", "CHARSET", FieldParameterName, "X-EAS-ADDRESS"];

    public static readonly IReadOnlyList<IContactPropertyMap> All =
    [
        new NameMap(),
        new TextPropertyMap(Contacts2.NickName, "NICKNAME"),
        new TextPropertyMap(ContactsPage.YomiFirstName, "X-PHONETIC-FIRST-NAME"),
        new TextPropertyMap(ContactsPage.YomiLastName, "X-PHONETIC-LAST-NAME"),
        new OrganizationMap(),
        new TextPropertyMap(ContactsPage.YomiCompanyName, "X-PHONETIC-ORG"),
        new TextPropertyMap(ContactsPage.JobTitle, "TITLE"),
        new TextPropertyMap(ContactsPage.OfficeLocation, "X-EAS-OFFICELOCATION", "X-MS-OFFICELOCATION"),
        new NumberedMap("EMAIL", [ContactsPage.Email1Address, ContactsPage.Email2Address, ContactsPage.Email3Address], ContactAddressing.ReadEmail, ContactAddressing.WriteEmail),
        new PhoneMap(),
        new AddressMap(),
        new DateMap(ContactsPage.Birthday, "BDAY"),
        new DateMap(ContactsPage.Anniversary, "ANNIVERSARY", "X-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-ABDATE"),
        TextPropertyMap.Uri(ContactsPage.WebPage, "URL"),
        new NumberedMap("IMPP", [Contacts2.IMAddress, Contacts2.IMAddress2, Contacts2.IMAddress3], ContactAddressing.ReadIm, ContactAddressing.WriteIm,
            "X-MS-IMADDRESS", "X-JABBER", "X-AIM", "X-ICQ", "X-MSN", "X-YAHOO", "X-SKYPE", "X-GOOGLE-TALK", "X-GTALK", "X-QQ"),
        new RelationMap(ContactsPage.Spouse, "RELATED:spouse", "spouse", "X-SPOUSE", ["X-EVOLUTION-SPOUSE", "X-MS-SPOUSE", "X-KADDRESSBOOK-X-SPOUSESNAME"], ["Spouse", "Partner", "Husband", "Wife"]),
        new ChildrenMap(),
        new RelationMap(ContactsPage.AssistantName, "X-ASSISTANT", null, "X-ASSISTANT", ["X-EVOLUTION-ASSISTANT", "X-MS-ASSISTANT", "X-KADDRESSBOOK-X-ASSISTANTSNAME"], ["Assistant"]),
        new RelationMap(Contacts2.ManagerName, "X-MANAGER", null, "X-MANAGER", ["X-EVOLUTION-MANAGER", "X-MS-MANAGER", "X-KADDRESSBOOK-X-MANAGERSNAME"], ["Manager"]),
        new CategoriesMap(),
        new NoteMap(),
        new PhotoMap(),
        new TextPropertyMap(Contacts2.CustomerId, "X-EAS-CUSTOMERID"),
        new TextPropertyMap(Contacts2.GovernmentId, "X-EAS-GOVERNMENTID"),
        new TextPropertyMap(Contacts2.AccountName, "X-EAS-ACCOUNTNAME"),
        new TextPropertyMap(ContactsPage.Alias, "X-EAS-ALIAS"),
        new TextPropertyMap(ContactsPage.WeightedRank, "X-EAS-WEIGHTEDRANK"),
    ];

    /// <summary>The PREF of a property, 1-100 (RFC 6350 5.3); 3.0 <c>TYPE=pref</c> is 1; none sorts last.</summary>
    public static int Preference(VCardProperty property)
    {
        if (int.TryParse(property.Parameter("PREF"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pref)) return pref;
        return property.HasType("pref") ? 1 : 101;
    }

    /// <summary>The element a property names in <see cref="FieldParameterName"/>, or null.</summary>
    public static ushort? ExplicitField(VCardProperty property)
    {
        var name = property.Parameter(FieldParameterName);
        if (name is null) return null;
        if (CodePageTable.TryGetTag(ContactsPage.Namespace, name, out var tag) || CodePageTable.TryGetTag(Contacts2.Namespace, name, out tag)) return tag;
        return null;
    }

    /// <summary>
    /// Apple's label of a grouped property: the <c>X-ABLabel</c> of the same group, with the <c>_$!&lt;...&gt;!$_</c>
    /// wrapping of its built-in labels removed ("Assistant", "Anniversary"); null when there is none.
    /// </summary>
    public static string? AppleLabel(VCard card, VCardProperty property)
    {
        if (property.Group is null) return null;
        var label = card.Properties.FirstOrDefault(p => p.Name == "X-ABLABEL" && string.Equals(p.Group, property.Group, StringComparison.OrdinalIgnoreCase))?.Text.Trim();
        if (label is null) return null;
        return label.StartsWith("_$!<", StringComparison.Ordinal) && label.EndsWith(">!$_", StringComparison.Ordinal) ? label[4..^4] : label;
    }

    /// <summary>
    /// The unclaimed properties that name a related person with a text value, best first: RELATED of the type, then
    /// <paramref name="name"/>, then the alternates, then Apple's X-ABRELATEDNAMES with one of the labels.
    /// </summary>
    public static IEnumerable<(int Index, VCardProperty Property)> Related(ContactCardBinding binding, string? relatedType, string name, string[] alternates, string[] appleLabels)
    {
        var found = new List<(int Index, VCardProperty Property, int Rank)>();
        foreach (var (index, property) in binding.Unclaimed(["RELATED", name, .. alternates, "X-ABRELATEDNAMES"]))
        {
            if (property.Text.Trim().Length == 0) continue;
            var rank = property.Name switch
            {
                "RELATED" when relatedType is not null && property.HasType(relatedType) && IsText(property) => 0,
                "RELATED" => -1,
                "X-ABRELATEDNAMES" => appleLabels.Contains(AppleLabel(binding.Card, property), StringComparer.OrdinalIgnoreCase) ? 3 : -1,
                _ when property.Name == name => 1,
                _ => 2,
            };
            if (rank >= 0) found.Add((index, property, rank));
        }

        return found.OrderBy(f => f.Rank).Select(f => (f.Index, f.Property));
    }

    /// <summary><c>RELATED;TYPE=type;VALUE=text:name</c>, a related person known by name only (RFC 6350 6.6.6).</summary>
    public static VCardProperty RelatedText(string type, string value) =>
        new(null, "RELATED", [new VCardParameter("TYPE", type), new VCardParameter("VALUE", "text")], VCardText.Escape(value));

    /// <summary>Whether a RELATED holds a name: VALUE=text, or a value that is no URI.</summary>
    private static bool IsText(VCardProperty property) =>
        string.Equals(property.Parameter("VALUE"), "text", StringComparison.OrdinalIgnoreCase) || !property.Text.Contains(':', StringComparison.Ordinal);

    /// <summary>A URI value as written: no text escapes (RFC 6350 3.4), a line break (which no URI has) as a space.</summary>
    public static string UriValue(string value) => value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>The <see cref="FieldParameterName"/> parameter naming the element.</summary>
    public static VCardParameter FieldParameter(ushort tag) => new(FieldParameterName, CodePageTable.NameOf(tag));
}
