using System.Globalization;
using System.Text;
using Eas.Wire.CodePages;
using Eas.Wire.Commands;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// A contact's notes, which are plain text. 12.0+: airsyncbase:Body (MS-ASAIRS 2.2.2.9) with Type 1, EstimatedDataSize
/// (the whole text's UTF-8 bytes), Truncated and Data, cut to the first BodyPreference's TruncationSize in UTF-8
/// bytes on a character boundary (2.2.2.40.2); with AllOrNone a longer text goes without Data (2.2.2.3.2).
/// 2.5: contacts:Body, BodySize and BodyTruncated (MS-ASCNTC 2.2.2.7.2, 2.2.2.8, 2.2.2.9), cut by the airsync:Truncation code.
/// A contact without notes has no body element.
/// </summary>
internal static class ContactBodyWriter
{
    public static void Write(WbxmlElement data, string? body, ProtocolVersion version, ContactBodyOptions options)
    {
        if (string.IsNullOrEmpty(body)) return;
        if (version == ProtocolVersion.V25)
        {
            var text = Email.TextTruncation.CharPrefix(body, Email.LegacyTruncation.TextLimit(options.Truncation));
            var truncated = text.Length < body.Length;
            if (text.Length > 0) data.Add(WbxmlElement.WithText(ContactsPage.Body, text));
            if (truncated) data.Add(Number(ContactsPage.BodySize, body.Length));
            data.Add(Number(ContactsPage.BodyTruncated, truncated ? 1 : 0));
            return;
        }

        var preference = options.BodyPreferences.IsDefaultOrEmpty ? null : options.BodyPreferences.FirstOrDefault(p => p.Type == BodyType.PlainText) ?? options.BodyPreferences[0];
        var size = Encoding.UTF8.GetByteCount(body);
        var limit = preference?.TruncationSize;
        var element = new WbxmlElement(AirSyncBase.Body);
        element.Add(Number(AirSyncBase.Type, (long)BodyType.PlainText));
        element.Add(Number(AirSyncBase.EstimatedDataSize, size));
        if (preference is { AllOrNone: true } && size > limit)
        {
            element.Add(Number(AirSyncBase.Truncated, 1));
            data.Add(element);
            return;
        }

        var cut = Email.TextTruncation.Utf8Prefix(body, limit);
        element.Add(Number(AirSyncBase.Truncated, cut.Length < body.Length ? 1 : 0));
        element.Add(WbxmlElement.WithText(AirSyncBase.Data, cut));
        data.Add(element);
    }



    private static WbxmlElement Number(ushort tag, long value) => WbxmlElement.WithText(tag, value.ToString(CultureInfo.InvariantCulture));
}
