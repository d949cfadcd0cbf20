using Eas.Wire.CodePages;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// The stored contact after a phone's Sync Change (MS-ASCMD 2.2.3.179 Supported, 2.2.3.24 Change; MS-ASCNTC 3.1.5.3).
/// An element the phone sent replaces the stored one; an empty one clears it. An element it did not send:
/// <list type="bullet">
/// <item>An element that "can be ghosted" (every single-valued Contacts and Contacts2 element, whose MS-ASCNTC section
/// says so, and Categories and Children) follows MS-ASCMD 2.2.3.179: it is not ghosted, and so deleted, when the
/// collection's initial Sync had no Supported (rule 1: "all of the elements that can be ghosted are considered not
/// ghosted") or named it in a Supported (rule 2); it is ghosted, and kept, when a Supported did not name it (rule 2),
/// and every one is ghosted after an empty Supported (rule 3). "If the element is ghosted, any existing value for that
/// element is preserved. If the element is not ghosted, any existing value ... is deleted."</item>
/// <item>The notes and the picture are kept. Neither section says they can be ghosted, and neither is proof of
/// deletion when absent: a phone given truncated notes, or no picture because it was over the size limit
/// (<see cref="ContactPicture"/>), sends a Change without them. MS-ASNOTE 3.2.5.3 says the same of a note's Body:
/// its absence "is not to be interpreted as an implicit delete". An empty element deletes them.</item>
/// <item>Alias and WeightedRank, which only the server writes (recipient information cache, MS-ASCNTC 2.2.2.2,
/// 2.2.2.64), are kept.</item>
/// </list>
/// <c>supported</c> is the set of tags of the Supported element of the collection's initial Sync: null when there was
/// none, empty for an empty Supported. The containers count by their own tag (Categories, Children).
/// </summary>
public static class ContactGhosting
{
    public static ContactItem Apply(ContactItem stored, ContactUpdate change, IReadOnlySet<ushort>? supported)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(change);
        var sent = change.Item;
        var fields = stored.Fields.ToBuilder();
        foreach (var tag in ContactElementOrder.FieldTags)
        {
            if (change.Present.Contains(tag))
            {
                if (sent[tag] is { } value) fields[tag] = value;
                else fields.Remove(tag);
            }
            else if (!ServerOnly(tag) && !Ghosted(tag, supported))
            {
                fields.Remove(tag);
            }
        }

        var bodySent = change.Present.Contains(AirSyncBase.Body) || change.Present.Contains(ContactsPage.Body);
        return stored with
        {
            Fields = fields.ToImmutable(),
            Categories = change.Present.Contains(ContactsPage.Categories) ? sent.Categories : Ghosted(ContactsPage.Categories, supported) ? stored.Categories : [],
            Children = change.Present.Contains(ContactsPage.Children) ? sent.Children : Ghosted(ContactsPage.Children, supported) ? stored.Children : [],
            Picture = change.Present.Contains(ContactsPage.Picture) ? sent.Picture : stored.Picture,
            Body = bodySent ? sent.Body : stored.Body,
        };
    }

    /// <summary>Ghosted: a Supported was sent and does not name the element.</summary>
    private static bool Ghosted(ushort tag, IReadOnlySet<ushort>? supported) => supported is not null && !supported.Contains(tag);

    private static bool ServerOnly(ushort tag) => tag is ContactsPage.Alias or ContactsPage.WeightedRank;
}
