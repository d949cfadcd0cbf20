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
        new EmailMap(),
        new TextPropertyMap(Contacts2.NickName, "NICKNAME"),
        new TextPropertyMap(ContactsPage.JobTitle, "TITLE"),
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

    /// <summary>The <see cref="FieldParameterName"/> parameter naming the element.</summary>
    public static VCardParameter FieldParameter(ushort tag) => new(FieldParameterName, CodePageTable.NameOf(tag));
}
