using System.Collections.Immutable;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// The contact↔vCard codec: reads a stored vCard (4.0, 3.0 or Outlook's 2.1) into a <see cref="ContactItem"/> and
/// writes an item as a vCard 4.0 (RFC 6350). The mapping of each EAS element is documented on its map
/// (<see cref="ContactVCardMaps"/>). What the mapping does not cover is never lost:
/// <list type="bullet">
/// <item>Read keeps the parsed card in <see cref="ContactCard.Card"/>.</item>
/// <item>Write with that card as <c>existing</c> keeps every property no map took (X- properties, IMPP beyond
/// three, GEO, KEY, a URI PHOTO...) as it was and where it was; a mapped property whose value did not change is kept
/// exactly as it was (group, parameters, value form); one that changed is replaced by ours, carrying over its group
/// and every parameter ours does not set (PREF, LABEL, a TYPE on an EMAIL...). REV is dropped when the card is
/// rewritten, as a pure codec has no clock to renew it; PRODID becomes ours.</item>
/// <item>The written card is read back; when order alone would give a numbered element another number (a kept Email2
/// before a new Email1), it is written again with the element named in <c>X-EAS-FIELD</c>.</item>
/// </list>
/// </summary>
public static class ContactVCard
{
    /// <summary>Our PRODID (RFC 6350 6.7.3).</summary>
    public const string ProductId = "-//Eas//Contacts 1.0//EN";

    private static readonly ImmutableHashSet<string> Replaced = ["UID", "PRODID", "REV"];

    /// <summary>
    /// Reads the first vCard of the text and maps it. Lines that cannot be read are skipped and listed in
    /// <see cref="VCard.Warnings"/>.
    /// </summary>
    /// <exception cref="VCardFormatException">Nothing usable: no BEGIN:VCARD, no readable property, or over the bounds.</exception>
    public static ContactCard Read(string text)
    {
        var card = VCardReader.Read(text);
        var binding = Bind(card);
        var uid = card.First("UID")?.Text.Trim() ?? string.Empty;
        if (uid.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase)) uid = uid["urn:uuid:".Length..];
        return new ContactCard(uid, binding.Item, card);
    }

    /// <summary>
    /// The item as a vCard 4.0 with the given UID; with <paramref name="existing"/>, its unmapped properties and
    /// parameters are kept (see the type's remarks).
    /// </summary>
    public static string Write(string uid, ContactItem item, VCard? existing)
    {
        ArgumentNullException.ThrowIfNull(item);
        var text = Compose(uid, item, existing, explicitFields: false);
        return existing is null || ReadsBack(text, item) ? text : Compose(uid, item, existing, explicitFields: true);
    }

    /// <summary>
    /// The card. Kept properties stay where they were and new ones come last, so with an existing card the order that
    /// tells Email1 from Email2 (or Home from Home2) can change; the caller then composes again with
    /// <paramref name="explicitFields"/>, which names the element of every such property in X-EAS-FIELD and rewrites
    /// those properties instead of keeping them.
    /// </summary>
    private static string Compose(string uid, ContactItem item, VCard? existing, bool explicitFields)
    {
        var fresh = Slotted(item, explicitFields);
        var properties = new List<VCardProperty>
        {
            new("UID", VCardText.Escape(uid)),
            new("PRODID", VCardText.Escape(ProductId)),
        };

        if (existing is null)
        {
            properties.AddRange(fresh.SelectMany(s => s.Value));
            return VCardWriter.Write(properties);
        }

        var old = Bind(existing);
        var oldSlots = Slotted(old.Item, explicitFields);
        var done = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < existing.Properties.Length; i++)
        {
            var property = existing.Properties[i];
            if (!old.SlotOf.TryGetValue(i, out var slot))
            {
                if (!Replaced.Contains(property.Name)) properties.Add(property);
                continue;
            }

            if (!done.Add(slot)) continue;
            var bound = old.Slots[slot].Select(index => existing.Properties[index]).ToList();
            var mine = fresh.GetValueOrDefault(slot) ?? [];
            var same = Same(mine, oldSlots.GetValueOrDefault(slot) ?? []) && !mine.Any(p => p.Parameter(ContactVCardMaps.FieldParameterName) is not null);
            properties.AddRange(same ? bound : Carried(mine, bound));
        }

        foreach (var (slot, mine) in fresh)
            if (!done.Contains(slot)) properties.AddRange(mine);
        return VCardWriter.Write(properties);
    }

    private static bool ReadsBack(string text, ContactItem item)
    {
        try
        {
            return Read(text).Item.Equals(item);
        }
        catch (VCardFormatException)
        {
            return true;
        }
    }

    internal static ContactCardBinding Bind(VCard card)
    {
        var binding = new ContactCardBinding(card);
        foreach (var map in ContactVCardMaps.All) map.Read(binding);
        NameMap.ReadFormattedName(binding);
        return binding;
    }

    /// <summary>The item's properties by slot, in map order.</summary>
    private static OrderedDictionary<string, List<VCardProperty>> Slotted(ContactItem item, bool explicitFields)
    {
        var slots = new OrderedDictionary<string, List<VCardProperty>>(StringComparer.Ordinal);
        foreach (var map in ContactVCardMaps.All)
        {
            foreach (var (slot, property) in map.Write(item, explicitFields))
            {
                if (!slots.TryGetValue(slot, out var list)) slots.Add(slot, list = []);
                list.Add(property);
            }
        }

        return slots;
    }

    private static bool Same(List<VCardProperty> mine, List<VCardProperty> theirs) =>
        mine.Count == theirs.Count && mine.Zip(theirs, (a, b) => VCardWriter.Line(a) == VCardWriter.Line(b)).All(same => same);

    /// <summary>Our properties for a changed slot, each with the group and the foreign parameters of the one it replaces.</summary>
    private static IEnumerable<VCardProperty> Carried(List<VCardProperty> mine, List<VCardProperty> bound)
    {
        for (var k = 0; k < mine.Count; k++)
        {
            if (k >= bound.Count)
            {
                yield return mine[k];
                continue;
            }

            var owned = mine[k].Parameters.Select(p => p.Name).Concat(ContactVCardMaps.OwnedParameters).ToHashSet(StringComparer.Ordinal);
            var foreign = bound[k].Parameters.Where(p => !owned.Contains(p.Name));
            yield return mine[k] with { Group = bound[k].Group, Parameters = [.. mine[k].Parameters, .. foreign] };
        }
    }
}
