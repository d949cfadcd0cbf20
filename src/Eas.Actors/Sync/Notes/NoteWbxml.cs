using Eas.Actors.Sync.Pim;
using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using NotesPage = Eas.Wire.CodePages.Notes;

namespace Eas.Actors.Sync.Notes;

/// <summary>
/// A note as airsync:ApplicationData (MS-ASCMD 2.2.3.11), both ways (MS-ASNOTE 2.2.2): notes:Subject, airsyncbase:Body
/// (plain text or HTML per BodyPreference, <see cref="PimTextBody"/>), notes:Categories, notes:MessageClass and
/// notes:LastModifiedDate. Notes exist from 14.0 only; no element has another form in an earlier version.
/// </summary>
public static class NoteWbxml
{
    public static WbxmlElement Build(NoteItem item, ProtocolVersion version, PimCodecContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        var data = new WbxmlElement(AirSync.ApplicationData);
        if (!string.IsNullOrEmpty(item.Subject)) data.Add(WbxmlElement.WithText(NotesPage.Subject, item.Subject));
        item.Body.Write(data, version, context, legacyTags: null);
        data.Add(WbxmlElement.WithText(NotesPage.MessageClass, item.MessageClass ?? NoteItem.StickyNote));
        if (item.LastModifiedDate is { } modified) data.Add(WbxmlElement.WithText(NotesPage.LastModifiedDate, PimICalendar.FormatWireTime(modified)));
        if (!item.Categories.IsDefaultOrEmpty)
            data.Add(WbxmlElement.WithChildren(NotesPage.Categories, item.Categories.Select(c => WbxmlElement.WithText(NotesPage.Category, c))));
        return data;
    }

    /// <summary>The note a phone sent and the tags of the elements it sent (the body as airsyncbase:Body).</summary>
    public static NoteUpdate Read(WbxmlElement applicationData, ProtocolVersion version)
    {
        ArgumentNullException.ThrowIfNull(applicationData);
        var item = NoteItem.Empty;
        var present = new HashSet<ushort>();
        foreach (var element in applicationData.Children)
        {
            if (PimTextBody.Read(element, version, legacyBodyTag: null) is { } body)
            {
                present.Add(AirSyncBase.Body);
                item = item with { Body = body };
                continue;
            }

            var text = element.Text;
            switch (element.Tag)
            {
                case NotesPage.Subject:
                    item = item with { Subject = text.Length == 0 ? null : text };
                    break;
                case NotesPage.Categories:
                    item = item with { Categories = [.. element.Elements(NotesPage.Category).Select(c => c.Text).Where(c => c.Length > 0)] };
                    break;
                case NotesPage.MessageClass:
                    item = item with { MessageClass = text.Length == 0 ? null : text };
                    break;
                case NotesPage.LastModifiedDate:
                    item = item with { LastModifiedDate = PimICalendar.ParseWireTime(text) };
                    break;
                default:
                    continue;
            }

            present.Add(element.Tag);
        }

        return new NoteUpdate(item, present);
    }
}

/// <summary>What a phone's Add or Change said: the note, and the tags of the elements it sent.</summary>
public sealed record NoteUpdate(NoteItem Item, IReadOnlySet<ushort> Present);
