using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Eas.Wire.CodePages;
using Eas.Wire.Commands;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Sync.Pim;

/// <summary>
/// An item's body as the PIM classes carry it: plain text, and for classes that keep it, an HTML form.
/// 12.0+: airsyncbase:Body (MS-ASAIRS 2.2.2.9) with Type, EstimatedDataSize, Truncated and Data. The type sent is the
/// first BodyPreference (MS-ASAIRS 2.2.2.12) this server can serve: HTML (the stored HTML, else the plain text escaped)
/// or plain text (the stored text, else the HTML without its tags); RTF and MIME preferences are passed over, and with
/// none left the body goes as plain text. Data is cut to the preference's TruncationSize in UTF-8 bytes on a character
/// boundary (2.2.2.40.2); with AllOrNone a longer body goes without Data (2.2.2.3.2).
/// 2.5: the class's own Body, BodySize and BodyTruncated (MS-ASTASK 2.2.2.1.2, 2.2.2.2, 2.2.2.3), cut by the
/// airsync:Truncation code. An item without a body has no body element.
/// </summary>
public sealed record PimTextBody(string? Plain, string? Html)
{
    public static PimTextBody None { get; } = new(null, null);

    public bool IsEmpty => string.IsNullOrEmpty(Plain) && string.IsNullOrEmpty(Html);

    /// <summary>The plain text: the stored text, else the HTML without its markup.</summary>
    public string? PlainText => !string.IsNullOrEmpty(Plain) ? Plain : Html is null ? null : StripTags(Html);

    /// <summary>
    /// Appends the body the version and the phone's preferences call for; <paramref name="legacyTags"/> are the class's
    /// 2.5 Body, BodySize and BodyTruncated tags (null for a class 2.5 does not have).
    /// </summary>
    public void Write(WbxmlElement data, ProtocolVersion version, PimCodecContext context, (ushort Body, ushort Size, ushort Truncated)? legacyTags)
    {
        if (IsEmpty) return;
        if (version == ProtocolVersion.V25)
        {
            if (legacyTags is not { } tags) return;
            var whole = PlainText ?? string.Empty;
            var text = Email.TextTruncation.CharPrefix(whole, Email.LegacyTruncation.TextLimit(context.Truncation));
            var truncated = text.Length < whole.Length;
            if (text.Length > 0) data.Add(WbxmlElement.WithText(tags.Body, text));
            if (truncated) data.Add(Number(tags.Size, whole.Length));
            data.Add(Number(tags.Truncated, truncated ? 1 : 0));
            return;
        }

        var preference = context.BodyPreferences.IsDefaultOrEmpty
            ? null
            : context.BodyPreferences.FirstOrDefault(p => p.Type is BodyType.PlainText or BodyType.Html);
        var type = preference?.Type ?? BodyType.PlainText;
        var body = type == BodyType.Html ? Html ?? "<html><body>" + WebUtility.HtmlEncode(Plain ?? string.Empty).Replace("\n", "<br>", StringComparison.Ordinal) + "</body></html>" : PlainText ?? string.Empty;
        var size = Encoding.UTF8.GetByteCount(body);
        var limit = preference?.TruncationSize;
        var element = new WbxmlElement(AirSyncBase.Body);
        element.Add(Number(AirSyncBase.Type, (long)type));
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



    private static WbxmlElement Number(ushort tag, long value) => WbxmlElement.WithText(tag, value.ToString(CultureInfo.InvariantCulture));
}
