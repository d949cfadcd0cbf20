namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// One EAS string element as one vCard text property: written as <paramref name="name"/>, read from the first
/// unclaimed property named <paramref name="name"/> or one of <paramref name="alternates"/> (other writers' names
/// for the same thing, e.g. Evolution's <c>X-EVOLUTION-SPOUSE</c>). A URI-valued property (URL, RFC 6350 6.7.8) is
/// written and read without the text escapes, which URIs do not use (RFC 6350 3.4); a 3.0 card's URL is unescaped, as
/// Apple writes <c>http\://</c>.
/// </summary>
internal sealed class TextPropertyMap(ushort tag, string name, params string[] alternates) : IContactPropertyMap
{
    /// <summary>The URL map: WebPage (MS-ASCNTC 2.2.2.63).</summary>
    public static TextPropertyMap Uri(ushort tag, string name) => new(tag, name) { IsUri = true };

    private bool IsUri { get; init; }

    public void Read(ContactCardBinding binding)
    {
        foreach (var candidate in (string[])[name, .. alternates])
        {
            foreach (var (index, property) in binding.Unclaimed(candidate))
            {
                var value = IsUri && binding.Card.Version == "4.0" ? property.Value : property.Text;
                if (value.Length == 0) continue;
                binding.TrySet(tag, value);
                binding.Claim(index, name);
                return;
            }
        }
    }

    public IEnumerable<(string Slot, VCardProperty Property)> Write(ContactItem item, bool explicitFields)
    {
        if (item[tag] is { } value) yield return (name, new VCardProperty(name, IsUri ? ContactVCardMaps.UriValue(value) : VCardText.Escape(value)));
    }
}
