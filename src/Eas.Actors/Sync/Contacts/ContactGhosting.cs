using Eas.Wire.CodePages;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// The stored contact after a phone's Sync Change (MS-ASCMD 2.2.3.179 Supported; MS-ASCNTC 3.1.5.x). An element the
/// phone sent replaces the stored one (an empty one clears it). An element it did not send is:
/// <list type="bullet">
/// <item>deleted when it is not ghosted: the phone named it in Supported, or sent no Supported at all ("all of the
/// elements that can be ghosted are considered not ghosted", 2.2.3.179);</item>
/// <item>kept when it is ghosted: the phone sent a Supported and did not name it there.</item>
/// </list>
/// <c>supported</c> is the set of tags of the Supported element of the collection's initial Sync (null when there
/// was none); the containers count by their own tag (Categories, Children, Picture; the body as AirSyncBase.Body
/// or ContactsPage.Body).
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
            else if (!Ghosted(tag, supported))
            {
                fields.Remove(tag);
            }
        }

        return stored with
        {
            Fields = fields.ToImmutable(),
            Categories = Pick(ContactsPage.Categories, change, supported, stored.Categories, sent.Categories, []),
            Children = Pick(ContactsPage.Children, change, supported, stored.Children, sent.Children, []),
            Picture = Pick(ContactsPage.Picture, change, supported, stored.Picture, sent.Picture, null),
            Body = change.Present.Contains(AirSyncBase.Body) || change.Present.Contains(ContactsPage.Body)
                ? sent.Body
                : Ghosted(AirSyncBase.Body, supported) && Ghosted(ContactsPage.Body, supported) ? stored.Body : null,
        };
    }

    private static T Pick<T>(ushort tag, ContactUpdate change, IReadOnlySet<ushort>? supported, T stored, T sent, T none) =>
        change.Present.Contains(tag) ? sent : Ghosted(tag, supported) ? stored : none;

    /// <summary>Ghosted: a Supported was sent and does not name the element.</summary>
    private static bool Ghosted(ushort tag, IReadOnlySet<ushort>? supported) => supported is not null && !supported.Contains(tag);
}
