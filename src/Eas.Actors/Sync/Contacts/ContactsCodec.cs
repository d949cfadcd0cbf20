using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// Contacts between a stored vCard (RFC 6350) and airsync:ApplicationData (MS-ASCNTC 2.2.2): <see cref="ContactVCard"/>
/// for the card, <see cref="ContactWbxml"/> for the wire and <see cref="ContactGhosting"/> for a Change, which keeps
/// what the phone did not send and every vCard property the mapping does not cover. A Picture over 48 KB of base64
/// (MS-ASCNTC 2.2.2.58) is refused (<see cref="PimItemRejectedException"/>, Sync Status 6) and nothing is stored.
/// Contacts have no FilterType window (MS-ASCMD 2.2.3.68.1: contacts take only NoFilter) and no occurrences.
/// </summary>
public sealed class ContactsCodec : IPimItemCodec
{
    public PimKind Kind => PimKind.Contacts;

    public string ClassName => "Contacts";

    public WbxmlElement Build(string content, PimCodecContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var card = ReadOrNull(content) ?? throw new PimContentException("The stored vCard cannot be read.");
        return ContactWbxml.Build(card.Item, context.Version, BodyOptions(context));
    }

    public PimWrite Create(string newId, WbxmlElement applicationData, PimCodecContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var update = ContactWbxml.Read(applicationData, context.Version);
        RefuseOversizedPicture(newId, update.Item);
        return new PimWrite(newId, ContactVCard.Write(newId, update.Item, null));
    }

    public PimWrite Change(string itemId, string? storedContent, WbxmlElement applicationData, PimCodecContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var update = ContactWbxml.Read(applicationData, context.Version);
        RefuseOversizedPicture(itemId, update.Item);
        var card = storedContent is null ? null : ReadOrNull(storedContent);
        var item = ContactGhosting.Apply(card?.Item ?? ContactItem.Empty, update, context.Supported);
        return new PimWrite(itemId, ContactVCard.Write(card is { Uid.Length: > 0 } ? card.Uid : itemId, item, card?.Card));
    }

    public PimWrite? RemoveInstance(string itemId, string storedContent, string instanceId, PimCodecContext context) => null;

    public bool InWindow(string content, SyncFilterType filter, DateTimeOffset now) => true;

    /// <summary>The stored vCard read, or null when it cannot be read at all (a change then starts from an empty contact).</summary>
    public static ContactCard? ReadOrNull(string content)
    {
        try
        {
            return ContactVCard.Read(content);
        }
        catch (VCardFormatException)
        {
            return null;
        }
    }

    private static ContactBodyOptions BodyOptions(PimCodecContext context) => new()
    {
        BodyPreferences = context.BodyPreferences.IsDefault ? [] : context.BodyPreferences,
        Truncation = context.Truncation,
    };

    private static void RefuseOversizedPicture(string itemId, ContactItem item)
    {
        if (ContactPicture.IsOverLimit(item.Picture))
            throw new PimItemRejectedException(itemId, "its Picture is over the 48 KB of base64 MS-ASCNTC 2.2.2.58 allows");
    }
}
