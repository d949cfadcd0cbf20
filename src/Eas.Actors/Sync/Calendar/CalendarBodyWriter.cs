using System.Globalization;
using Eas.Actors.Sync.Contacts;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using CalendarPage = Eas.Wire.CodePages.Calendar;

namespace Eas.Actors.Sync.Calendar;

/// <summary>
/// An appointment's plain-text body: airsyncbase:Body for 12.0+ (MS-ASCAL 2.2.2.7.1, written as contacts' notes are,
/// <see cref="ContactBodyWriter"/>), calendar:Body with BodyTruncated for 2.5 (2.2.2.7.2, 2.2.2.8), cut by the
/// airsync:Truncation code. No body, no element.
/// </summary>
internal static class CalendarBodyWriter
{
    public static void Write(WbxmlElement data, string? body, ProtocolVersion version, ContactBodyOptions options)
    {
        if (string.IsNullOrEmpty(body)) return;
        if (version >= ProtocolVersion.V120)
        {
            ContactBodyWriter.Write(data, body, version, options);
            return;
        }

        var text = LegacyPrefix(body, options.Truncation);
        if (text.Length > 0) data.Add(WbxmlElement.WithText(CalendarPage.Body, text));
        data.Add(WbxmlElement.WithText(CalendarPage.BodyTruncated, (text.Length < body.Length ? 1 : 0).ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The 2.5 Truncation codes in characters, as for contacts and email.</summary>
    private static string LegacyPrefix(string text, int? code)
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
}
