using System.Net;
using System.Text.RegularExpressions;
using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Sync.Pim;

/// <summary>
/// An item's body as the PIM classes carry it: plain text, and for classes that keep it, an HTML form. Written by
/// <see cref="PimBodyWriter"/> (MS-ASAIRS 2.2.2.9 for 12.0+, the class's own elements for 2.5); read from what a phone
/// sent by <see cref="Read"/>.
/// </summary>
public sealed record PimTextBody(string? Plain, string? Html)
{
    public static PimTextBody None { get; } = new(null, null);

    public bool IsEmpty => string.IsNullOrEmpty(Plain) && string.IsNullOrEmpty(Html);

    /// <summary>The plain text: the stored text, else the HTML without its markup.</summary>
    public string? PlainText => !string.IsNullOrEmpty(Plain) ? Plain : Html is null ? null : StripTags(Html);

    /// <summary>
    /// Appends the body the version and the phone's preferences call for (<see cref="PimBodyWriter"/>, HTML served);
    /// <paramref name="legacyTags"/> are the class's 2.5 body elements, null for a class 2.5 does not have.
    /// </summary>
    public void Write(WbxmlElement data, ProtocolVersion version, PimCodecContext context, LegacyBodyTags? legacyTags)
    {
        ArgumentNullException.ThrowIfNull(context);
        PimBodyWriter.Write(data, this, version, context.BodyPreferences, context.Truncation, legacyTags, servesHtml: true);
    }

    /// <summary>
    /// The body a phone sent, or null when it sent none: airsyncbase:Body (12.0+; Type 1 plain text, Type 2 HTML; other
    /// types are not read and give null) or the class's 2.5 Body element. An empty Data is an empty body.
    /// </summary>
    public static PimTextBody? Read(WbxmlElement element, ProtocolVersion version, ushort? legacyBodyTag)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.Tag == AirSyncBase.Body && version >= ProtocolVersion.V120)
        {
            var data = element.ValueOf(AirSyncBase.Data) ?? string.Empty;
            var type = element.ValueOf(AirSyncBase.Type);
            return type switch
            {
                "2" => data.Length == 0 ? None : new PimTextBody(StripTags(data), data),
                "1" or null => data.Length == 0 ? None : new PimTextBody(data, null),
                _ => null,
            };
        }

        if (legacyBodyTag is { } tag && element.Tag == tag && version == ProtocolVersion.V25)
            return element.Text.Length == 0 ? None : new PimTextBody(element.Text, null);
        return null;
    }

    /// <summary>HTML reduced to its text: line breaks for br, p and div ends, tags removed, entities decoded.</summary>
    public static string StripTags(string html)
    {
        var text = Regex.Replace(html, @"<\s*(br|/p|/div)\b[^>]*>", "\n", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        text = Regex.Replace(text, @"<(style|script)\b.*?</\1\s*>|<[^>]*>", string.Empty, RegexOptions.IgnoreCase | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        return WebUtility.HtmlDecode(text).Trim();
    }
}
