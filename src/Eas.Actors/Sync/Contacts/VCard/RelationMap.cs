namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// A person related to the contact, named in one EAS string: Spouse (MS-ASCNTC 2.2.2.60) as RFC 6350 6.6.6
/// <c>RELATED;TYPE=spouse;VALUE=text</c>; AssistantName (2.2.2.4) and contacts2:ManagerName (2.2.2.47), which RELATED
/// has no type for, as <c>X-ASSISTANT</c> and <c>X-MANAGER</c>. Other writers' forms are read too: Evolution's
/// <c>X-EVOLUTION-*</c>, Outlook's <c>X-MS-*</c>, KDE's <c>X-KADDRESSBOOK-X-*</c>, and Apple's
/// <c>X-ABRELATEDNAMES</c> by its <c>X-ABLabel</c>. A RELATED whose value is a URI (a link to another card) is no
/// name and stays unmapped.
/// </summary>
internal sealed class RelationMap(ushort tag, string slot, string? relatedType, string name, string[] alternates, string[] appleLabels) : IContactPropertyMap
{
    public void Read(ContactCardBinding binding)
    {
        foreach (var (index, property) in ContactVCardMaps.Related(binding, relatedType, name, alternates, appleLabels))
        {
            if (!binding.TrySet(tag, property.Text.Trim())) continue;
            binding.Claim(index, slot);
            return;
        }
    }

    public IEnumerable<(string Slot, VCardProperty Property)> Write(ContactItem item, bool explicitFields)
    {
        if (item[tag] is not { } value) yield break;
        yield return (slot, relatedType is null
            ? new VCardProperty(name, VCardText.Escape(value))
            : ContactVCardMaps.RelatedText(relatedType, value));
    }
}
