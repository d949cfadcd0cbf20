namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// The value forms of EMAIL and IMPP. An email's display form (<c>"Anna Berg" &lt;anna@example.com&gt;</c>) rides in
/// <c>X-EAS-ADDRESS</c> beside the bare address, and is used on reading only while its address still is the EMAIL
/// value (another client may have changed the address since). IMPP values are URIs (RFC 6350 6.4.3): an IM address
/// without a scheme is written as an <c>im:</c> URI (RFC 3860) and read back without it; other schemes
/// (<c>xmpp:</c>, <c>sip:</c>) are the EAS value as they are.
/// </summary>
internal static class ContactAddressing
{
    private const string ImScheme = "im:";

    public static string? ReadEmail(VCardProperty property)
    {
        var address = property.Text.Trim();
        if (address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) address = address[7..];
        if (address.Length == 0) return null;
        var display = property.Parameter("X-EAS-ADDRESS");
        return display is not null && string.Equals(ContactEmail.Parse(display).Address, address, StringComparison.OrdinalIgnoreCase) ? display : address;
    }

    public static VCardProperty WriteEmail(string value)
    {
        var email = ContactEmail.Parse(value);
        return string.Equals(email.Address, value, StringComparison.Ordinal)
            ? new VCardProperty("EMAIL", VCardText.Escape(value))
            : new VCardProperty(null, "EMAIL", [new VCardParameter("X-EAS-ADDRESS", value)], VCardText.Escape(email.Address));
    }

    public static string? ReadIm(VCardProperty property)
    {
        var value = (property.Name == "IMPP" && !property.Value.Contains("\\:", StringComparison.Ordinal) ? property.Value : property.Text).Trim();
        if (property.Name == "IMPP" && value.StartsWith(ImScheme, StringComparison.OrdinalIgnoreCase)) value = value[ImScheme.Length..];
        return value.Length == 0 ? null : value;
    }

    public static VCardProperty WriteIm(string value) =>
        new("IMPP", ContactVCardMaps.UriValue(value.Contains(':', StringComparison.Ordinal) && !value.StartsWith(ImScheme, StringComparison.OrdinalIgnoreCase) ? value : ImScheme + value));
}
