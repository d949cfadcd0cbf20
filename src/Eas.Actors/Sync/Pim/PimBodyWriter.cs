using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using Eas.Wire.CodePages;
using Eas.Wire.Commands;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Sync.Pim;

/// <summary>A class's own 2.5 body elements: Body, BodySize (null where the class has none) and BodyTruncated.</summary>
public readonly record struct LegacyBodyTags(ushort Body, ushort? Size, ushort Truncated);

/// <summary>
/// The one writer of a PIM item's body, for contacts' notes, appointments, tasks and notes alike.
/// <para>12.0+: airsyncbase:Body (MS-ASAIRS 2.2.2.9) with Type, EstimatedDataSize, Truncated, Data and Preview, in
/// that order. The preference served is the first airsyncbase:BodyPreference (2.2.2.12) whose Type the class can
/// serve (plain text; HTML where the class keeps it); with none of those the body goes as plain text under the first
/// preference's TruncationSize and AllOrNone, since the phone still said how much it wants. HTML is the stored HTML,
/// else the plain text escaped; plain text is the stored text, else the HTML without its tags. Data is cut to
/// TruncationSize in UTF-8 bytes on a character boundary (2.2.2.40.2); with AllOrNone a longer body goes without Data
/// (2.2.2.3.2). Preview (14.0+, 2.2.2.35.1) holds the first Preview characters of the plain text, except beside plain
/// text Data, which already is the preview.</para>
/// <para>2.5: the class's Body, BodySize (when cut, the whole length in characters) and BodyTruncated
/// (<see cref="LegacyBodyTags"/>), cut by the airsync:Truncation code; a class 2.5 does not have writes nothing.</para>
/// An item without a body has no body element.
/// </summary>
public static class PimBodyWriter
{
    /// <param name="data">The element the body goes into.</param>
    /// <param name="body">The item's body.</param>
    /// <param name="version">The phone's protocol version.</param>
    /// <param name="preferences">The phone's BodyPreference elements in request order (12.0+).</param>
    /// <param name="truncation">The phone's airsync:Truncation code (2.5).</param>
    /// <param name="legacyTags">The class's 2.5 elements; null for a class 2.5 does not have.</param>
    /// <param name="servesHtml">Whether the class keeps an HTML body it can serve as Type 2.</param>
    public static void Write(
        WbxmlElement data, PimTextBody body, ProtocolVersion version, ImmutableArray<BodyPreference> preferences, int? truncation, LegacyBodyTags? legacyTags, bool servesHtml)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(body);
        if (body.IsEmpty) return;
        if (version < ProtocolVersion.V120)
        {
            if (legacyTags is { } tags) WriteLegacy(data, body.PlainText ?? string.Empty, truncation, tags);
            return;
        }

        var preference = Choose(preferences, servesHtml);
        var type = servesHtml && preference?.Type == BodyType.Html ? BodyType.Html : BodyType.PlainText;
        var text = type == BodyType.Html ? HtmlOf(body) : body.PlainText ?? string.Empty;
        var size = Encoding.UTF8.GetByteCount(text);
        var element = new WbxmlElement(AirSyncBase.Body);
        element.Add(Number(AirSyncBase.Type, (long)type));
        element.Add(Number(AirSyncBase.EstimatedDataSize, size));
        var withheld = preference is { AllOrNone: true } && size > preference.TruncationSize;
        if (withheld)
        {
            element.Add(Number(AirSyncBase.Truncated, 1));
        }
        else
        {
            var cut = Email.TextTruncation.Utf8Prefix(text, preference?.TruncationSize);
            element.Add(Number(AirSyncBase.Truncated, cut.Length < text.Length ? 1 : 0));
            element.Add(WbxmlElement.WithText(AirSyncBase.Data, cut));
        }

        if (version >= ProtocolVersion.V140 && preference?.Preview is > 0 and var length && !(type == BodyType.PlainText && !withheld))
            element.Add(WbxmlElement.WithText(AirSyncBase.Preview, Email.EmailBodyWriter.Preview(body.PlainText ?? string.Empty, length)));
        data.Add(element);
    }

    /// <summary>The preference served: the first of a type the class serves, else the first one (its sizes still apply), else none.</summary>
    internal static BodyPreference? Choose(ImmutableArray<BodyPreference> preferences, bool servesHtml) =>
        preferences.IsDefaultOrEmpty
            ? null
            : preferences.FirstOrDefault(p => p.Type == BodyType.PlainText || (servesHtml && p.Type == BodyType.Html)) ?? preferences[0];

    private static void WriteLegacy(WbxmlElement data, string whole, int? truncation, LegacyBodyTags tags)
    {
        var text = Email.TextTruncation.CharPrefix(whole, Email.LegacyTruncation.TextLimit(truncation));
        var truncated = text.Length < whole.Length;
        if (text.Length > 0) data.Add(WbxmlElement.WithText(tags.Body, text));
        if (truncated && tags.Size is { } sizeTag) data.Add(Number(sizeTag, whole.Length));
        data.Add(Number(tags.Truncated, truncated ? 1 : 0));
    }

    private static string HtmlOf(PimTextBody body) =>
        body.Html ?? "<html><body>" + WebUtility.HtmlEncode(body.Plain ?? string.Empty).Replace("\n", "<br>", StringComparison.Ordinal) + "</body></html>";

    private static WbxmlElement Number(ushort tag, long value) => WbxmlElement.WithText(tag, value.ToString(CultureInfo.InvariantCulture));
}
