using System.Collections.Immutable;
using Eas.Actors.Sync.Pim;
using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// A contact as airsync:ApplicationData (MS-ASCMD 2.2.3.11) in a Sync Add or Change, both ways, for every
/// protocol version from 2.5 to 16.1 (MS-ASCNTC 2.2.2). Only the elements the version has are written
/// (<see cref="ContactVersionRules"/>), in the order of <see cref="ContactElementOrder"/> (the schemas, MS-ASCNTC 6.1
/// and 6.2, allow any order: their AllProps groups are an unbounded choice). An element without a value is not
/// written; Alias and WeightedRank only for the recipient information cache
/// (<see cref="ContactBodyOptions.RecipientInformationCache"/>).
/// </summary>
public static class ContactWbxml
{
    /// <summary>contacts:Body, BodySize and BodyTruncated (MS-ASCNTC 2.2.2.7.2, 2.2.2.8, 2.2.2.9): a contact's notes for 2.5.</summary>
    private static readonly LegacyBodyTags LegacyBody = new(ContactsPage.Body, ContactsPage.BodySize, ContactsPage.BodyTruncated);

    /// <summary>The whole contact as airsync:ApplicationData.</summary>
    public static WbxmlElement Build(ContactItem item, ProtocolVersion version, ContactBodyOptions body)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(body);
        var data = new WbxmlElement(AirSync.ApplicationData);
        foreach (var tag in ContactElementOrder.Tags)
        {
            if (!ContactVersionRules.Allows(tag, version)) continue;
            if (tag is ContactsPage.Alias or ContactsPage.WeightedRank && !body.RecipientInformationCache) continue;
            if (ContactElementOrder.IsBody(tag)) PimBodyWriter.Write(data, new PimTextBody(item.Body, null), version, body.BodyPreferences, body.Truncation, LegacyBody, servesHtml: false);
            else if (tag == ContactsPage.Categories) AddList(data, ContactsPage.Categories, ContactsPage.Category, item.Categories);
            else if (tag == ContactsPage.Children) AddList(data, ContactsPage.Children, ContactsPage.Child, item.Children);
            else if (tag == ContactsPage.Picture) ContactPicture.Write(data, item.Picture, body.MaxPictureBytes);
            else if (item[tag] is { } value) data.Add(WbxmlElement.WithText(tag, value));
        }

        return data;
    }

    /// <summary>
    /// The contact a phone sent, and which elements it sent. Elements the version does not have, and elements of
    /// other code pages, are ignored; dates are kept to their calendar day (<see cref="ContactDates.Normalize"/>).
    /// </summary>
    public static ContactUpdate Read(WbxmlElement applicationData, ProtocolVersion version)
    {
        ArgumentNullException.ThrowIfNull(applicationData);
        var item = ContactItem.Empty;
        var present = new HashSet<ushort>();
        var fields = ImmutableDictionary.CreateBuilder<ushort, string>();
        foreach (var element in applicationData.Children)
        {
            var tag = element.Tag;
            if (tag == AirSyncBase.Body && version >= ProtocolVersion.V120)
            {
                present.Add(tag);
                item = item with { Body = NullIfEmpty(element.ValueOf(AirSyncBase.Data)) };
            }
            else if (tag == ContactsPage.Body && version == ProtocolVersion.V25)
            {
                present.Add(tag);
                item = item with { Body = NullIfEmpty(element.Text) };
            }
            else if (tag == ContactsPage.Categories)
            {
                present.Add(tag);
                item = item with { Categories = [.. element.Elements(ContactsPage.Category).Select(c => c.Text).Where(c => c.Length > 0)] };
            }
            else if (tag == ContactsPage.Children)
            {
                present.Add(tag);
                item = item with { Children = [.. element.Elements(ContactsPage.Child).Select(c => c.Text).Where(c => c.Length > 0)] };
            }
            else if (tag == ContactsPage.Picture)
            {
                present.Add(tag);
                item = item with { Picture = NullIfEmpty(element.Text.Trim()) };
            }
            else if (ContactElementOrder.IsField(tag) && ContactVersionRules.Allows(tag, version))
            {
                present.Add(tag);
                var text = element.Text;
                if (tag is ContactsPage.Birthday or ContactsPage.Anniversary) text = ContactDates.Normalize(text);
                if (text.Length > 0) fields[tag] = text;
            }
        }

        return new ContactUpdate(item with { Fields = fields.ToImmutable() }, present);
    }

    private static void AddList(WbxmlElement data, ushort container, ushort entry, ImmutableArray<string> values)
    {
        if (values.IsEmpty) return;
        var list = new WbxmlElement(container);
        foreach (var value in values) list.Add(WbxmlElement.WithText(entry, value));
        data.Add(list);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
