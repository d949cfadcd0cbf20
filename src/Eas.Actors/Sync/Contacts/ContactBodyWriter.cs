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
            var text = Prefix(body, options.Truncation);
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

        var cut = Utf8Prefix(body, limit);
        element.Add(Number(AirSyncBase.Truncated, cut.Length < body.Length ? 1 : 0));
        element.Add(WbxmlElement.WithText(AirSyncBase.Data, cut));
        data.Add(element);
    }

    /// <summary>The 2.5 Truncation codes in characters (MS-ASCMD 2.2.3.185 in the revisions that describe 2.5).</summary>
    private static string Prefix(string text, int? code)
    {
        long? limit = code switch
        {
            0 => 0, 1 => 512, 2 => 1024, 3 => 2048, 4 => 5120, 5 => 10240, 6 => 20480, 7 => 51200, 8 => 102400,
            _ => null,
        };
        if (limit is not { } max || max >= text.Length) return text;
        var length = (int)max;
        if (length > 0 && char.IsHighSurrogate(text[length - 1])) length--;
        return text[..length];
    }

    private static string Utf8Prefix(string text, long? maxBytes)
    {
        if (maxBytes is not { } limit) return text;
        var bytes = Encoding.UTF8.GetBytes(text);
        if (limit >= bytes.Length) return text;
        var cut = (int)limit;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) cut--;
        return Encoding.UTF8.GetString(bytes, 0, cut);
    }

    private static WbxmlElement Number(ushort tag, long value) => WbxmlElement.WithText(tag, value.ToString(CultureInfo.InvariantCulture));
}
