namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// The notes (airsyncbase:Body, or contacts:Body in 2.5; MS-ASCNTC 2.2.2.7) as NOTE (RFC 6350 6.7.2), plain text;
/// line breaks travel as the <c>\n</c> escape and come back as LF. Several NOTEs: the first is the notes, the others
/// stay in the card unmapped.
/// </summary>
internal sealed class NoteMap : IContactPropertyMap
{
    public void Read(ContactCardBinding binding)
    {
        foreach (var (index, property) in binding.Unclaimed("NOTE"))
        {
            if (property.Text.Length == 0) continue;
            binding.Item = binding.Item with { Body = property.Text };
            binding.Claim(index, "NOTE");
            return;
        }
    }

    public IEnumerable<(string Slot, VCardProperty Property)> Write(ContactItem item, bool explicitFields)
    {
        if (!string.IsNullOrEmpty(item.Body)) yield return ("NOTE", new VCardProperty("NOTE", VCardText.Escape(item.Body)));
    }
}
