namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// While a card is read: the contact being built, and which card property fed which slot of the mapping (a slot is
/// one vCard place of the contact, e.g. <c>TEL:Home2</c> or <c>N</c>), so that a later write can keep a property
/// whose slot did not change and carry the parameters it does not own onto one that did.
/// </summary>
internal sealed class ContactCardBinding(VCard card)
{
    private readonly bool[] _claimed = new bool[card.Properties.Length];

    public VCard Card { get; } = card;

    public ContactItem Item { get; set; } = ContactItem.Empty;

    public Dictionary<string, List<int>> Slots { get; } = new(StringComparer.Ordinal);

    /// <summary>The slot of each property index, for the properties some slot took.</summary>
    public Dictionary<int, string> SlotOf { get; } = [];

    /// <summary>The unclaimed properties with one of the names, in card order.</summary>
    public IEnumerable<(int Index, VCardProperty Property)> Unclaimed(params string[] names)
    {
        for (var i = 0; i < Card.Properties.Length; i++)
            if (!_claimed[i] && names.Contains(Card.Properties[i].Name, StringComparer.Ordinal)) yield return (i, Card.Properties[i]);
    }

    /// <summary>Marks the property as read into the slot.</summary>
    public void Claim(int index, string slot)
    {
        _claimed[index] = true;
        SlotOf[index] = slot;
        if (!Slots.TryGetValue(slot, out var list)) Slots[slot] = list = [];
        list.Add(index);
    }

    public bool IsClaimed(int index) => _claimed[index];

    /// <summary>Sets a field unless it is set already; true when it was set.</summary>
    public bool TrySet(ushort tag, string? value)
    {
        if (string.IsNullOrEmpty(value) || Item[tag] is not null) return false;
        Item = Item.With(tag, value);
        return true;
    }
}
