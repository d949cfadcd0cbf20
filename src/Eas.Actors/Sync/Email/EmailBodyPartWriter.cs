using Eas.Wire.CodePages;
using Eas.Wire.Commands;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// Writes airsyncbase:BodyPart (MS-ASAIRS 2.2.2.10), which "MUST be included in a command response when the
/// BodyPartPreference element ... is specified in a request" (14.1+): Status, Type, EstimatedDataSize, Truncated,
/// Data, Preview, in that order. It is written beside Body, after it; a response may carry both.
/// <list type="bullet">
/// <item>Type is 2, HTML, the one value BodyPartPreference SHOULD ask (2.2.2.41.3): the HTML part, or for a message
/// without one its plain text in HTML form (<see cref="PlainTextHtml"/>). The part is the whole body: MS-ASCON's
/// message part leaves out the quoted earlier messages of a conversation, which an IMAP store does not mark.</item>
/// <item>The first BodyPartPreference gives the limits (a request has one per Type, 2.2.2.11, and only HTML is
/// served). TruncationSize counts UTF-8 bytes and cuts on a character boundary; Truncated is written when the Data
/// is cut. With AllOrNone and a part larger than TruncationSize, Status is 176 (2.2.2.37, the message part is too
/// large) and no Data goes out.</item>
/// <item>Preview, when the preference asks for one, is the plain text folded as for Body (2.2.2.35.2).</item>
/// </list>
/// </summary>
internal static class EmailBodyPartWriter
{
    /// <summary>The BodyPart element, or null when the client asked for none or its version has no BodyPart.</summary>
    public static WbxmlElement? Write(EmailItem item, EmailEncodingOptions options)
    {
        if (options.BodyPartPreferences.IsDefaultOrEmpty || !EmailVersionRules.AllowsBodyPart(options.Version)) return null;
        var preference = options.BodyPartPreferences[0];
        var source = EmailBodySource.Html(item, options);
        var limit = preference.TruncationSize;
        var tooLarge = preference.AllOrNone == true && limit is not null && (source.FullSize > limit || !source.IsComplete);

        var element = new WbxmlElement(AirSyncBase.BodyPart);
        element.Add(EmailElements.Number(AirSyncBase.Status, (long)(tooLarge ? BodyPartStatus.MessagePartTooLarge : BodyPartStatus.Success)));
        element.Add(EmailElements.Number(AirSyncBase.Type, (long)BodyType.Html));
        element.Add(EmailElements.Number(AirSyncBase.EstimatedDataSize, source.FullSize));
        if (!tooLarge)
        {
            var text = TextTruncation.BytePrefix(source.Bytes, limit);
            if (!(source.IsComplete && text.Length == source.Bytes.Length)) element.Add(EmailElements.Boolean(AirSyncBase.Truncated, true));
            element.Add(WbxmlElement.WithUtf8Text(AirSyncBase.Data, text));
        }

        if (preference.Preview is > 0 and var length)
            element.AddText(AirSyncBase.Preview, EmailBodyWriter.Preview(EmailBodySource.PlainText(item, options).Bytes.Span, length));
        return element;
    }
}
