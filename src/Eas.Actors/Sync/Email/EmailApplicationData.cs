using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using Email2Page = Eas.Wire.CodePages.Email2;
using EmailPage = Eas.Wire.CodePages.Email;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// Encodes one email for a client: the airsync:ApplicationData of a Sync Add or Change (MS-ASCMD 2.2.3.11),
/// or the itemoperations:Properties of an ItemOperations Fetch (MS-ASCMD 2.2.3.139.2), for every protocol
/// version from 2.5 to 16.1. Pure: everything comes from the <see cref="EmailItem"/> and the
/// <see cref="EmailEncodingOptions"/>. Elements follow the order of MS-ASEMAIL 2.2.2's element table, and only
/// those the version has are written (<see cref="EmailVersionRules"/>):
/// To, Cc, From, Subject, ReplyTo, DateReceived, DisplayTo, ThreadTopic, Importance, Read, Attachments, Body,
/// BodyPart (14.1+, when BodyPartPreference asks, MS-ASAIRS 2.2.2.10), MessageClass, MeetingRequest, InternetCPID, Flag, ContentClass, NativeBodyType, ConversationId, ConversationIndex,
/// LastVerbExecuted, LastVerbExecutionTime, ReceivedAsBcc, Sender, Categories; a meeting request or cancellation
/// carries email:MeetingRequest (MS-ASEMAIL 2.2.2.48) right after its MessageClass.
/// </summary>
public static class EmailApplicationData
{
    /// <summary>email:InternetCPID (MS-ASEMAIL): every string goes out as UTF-8, code page 65001.</summary>
    public const string Utf8CodePage = "65001";

    /// <summary>email:ContentClass of an email message (MS-ASEMAIL 2.2.2.20).</summary>
    public const string MessageContentClass = "urn:content-classes:message";

    /// <summary>
    /// The whole item as airsync:ApplicationData, for a Sync Add or a full Change. A Sync body is always in the
    /// element, so the item must not carry a MIME <see cref="EmailMime.Source"/>.
    /// </summary>
    public static WbxmlElement Build(EmailItem item, EmailEncodingOptions options)
    {
        var data = new WbxmlElement(AirSync.ApplicationData);
        return AddProperties(data, item, options) is null
            ? data
            : throw new ArgumentException("A Sync item's body is written into the element; fetch it without EmailContentRequest.MimePrefixBytes.", nameof(item));
    }

    /// <summary>
    /// The whole item as itemoperations:Properties, for an ItemOperations Fetch, and the MIME source that is its
    /// Body's Data when the message goes whole from its buffer (<see cref="EmailMime.Source"/>): the Body element then
    /// has no Data, and the response writes the source in its place (<see cref="Wire.Commands.ItemOperations.ItemOperationsFetchResult.BodyContent"/>).
    /// </summary>
    public static (WbxmlElement Properties, BinaryContent? BodyData) BuildFetchProperties(EmailItem item, EmailEncodingOptions options)
    {
        var properties = new WbxmlElement(IoPage.Properties);
        var bodyData = AddProperties(properties, item, options);
        return (properties, bodyData);
    }

    /// <summary>
    /// The whole item as search:Properties, for a mailbox Search result (MS-ASCMD 2.2.3.139.3): the same elements as a
    /// Sync Add's ApplicationData. Like Sync, the body is written into the element.
    /// </summary>
    public static WbxmlElement BuildSearchProperties(EmailItem item, EmailEncodingOptions options)
    {
        var properties = new WbxmlElement(Wire.CodePages.Search.Properties);
        return AddProperties(properties, item, options) is null
            ? properties
            : throw new ArgumentException("A Search item's body is written into the element; fetch it without EmailContentRequest.MimePrefixBytes.", nameof(item));
    }

    /// <summary>
    /// airsync:ApplicationData for a Sync Change when only IMAP flags changed: Read, Flag (12.0+),
    /// LastVerbExecuted and LastVerbExecutionTime (14.0+; 0 when the verb was cleared) and Categories (14.0+,
    /// empty when all were removed, as MS-ASEMAIL 2.2.2.16 reads an empty element in a Change).
    /// </summary>
    public static WbxmlElement BuildFlagsChange(EmailItem item, ProtocolVersion version)
    {
        var data = new WbxmlElement(AirSync.ApplicationData);
        data.Add(EmailElements.Boolean(EmailPage.Read, item.Read));
        if (EmailVersionRules.AllowsFlag(version)) data.Add(EmailFlagWriter.Write(item.Flag));
        if (EmailVersionRules.AllowsEmail2(version)) AddLastVerb(data, item, always: true);
        if (EmailVersionRules.AllowsCategories(version)) data.Add(Categories(item));
        return data;
    }

    /// <summary>Adds the item's elements to <paramref name="data"/>; returns the Body's streamed Data, if any.</summary>
    private static BinaryContent? AddProperties(WbxmlElement data, EmailItem item, EmailEncodingOptions options)
    {
        var version = options.Version;
        BinaryContent? streamed = null;
        data.AddText(EmailPage.To, EmailAddress.Join(item.To, ", "));
        data.AddText(EmailPage.Cc, EmailAddress.Join(item.Cc, ", "));
        data.AddText(EmailPage.From, EmailAddress.Join(item.From, ", "));
        data.AddText(EmailPage.Subject, item.Subject);
        data.AddText(EmailPage.ReplyTo, EmailAddress.Join(item.ReplyTo, "; "));
        data.Add(EmailElements.Date(EmailPage.DateReceived, item.DateReceived));
        data.AddText(EmailPage.DisplayTo, EmailAddress.JoinDisplayNames(item.To, "; "));
        data.AddText(EmailPage.ThreadTopic, EmailConversation.ThreadTopic(item));
        data.Add(EmailElements.Number(EmailPage.Importance, (long)item.Importance));
        data.Add(EmailElements.Boolean(EmailPage.Read, item.Read));

        if (EmailVersionRules.UsesAirSyncBase(version))
        {
            if (EmailAttachmentWriter.AirSyncBaseForm(item.Attachments) is { } attachments) data.Add(attachments);
            (var body, streamed) = EmailBodyWriter.Write(item, options);
            data.Add(body);
            if (EmailBodyPartWriter.Write(item, options) is { } part) data.Add(part);
        }
        else
        {
            if (EmailAttachmentWriter.EmailForm(item.Attachments) is { } attachments) data.Add(attachments);
            LegacyBodyWriter.Write(data, item, options);
        }

        data.Add(WbxmlElement.WithText(EmailPage.MessageClass, item.MessageClass));
        if (item.Meeting is { } meeting) data.Add(Meetings.MeetingRequestElement.Build(meeting, version));
        data.Add(WbxmlElement.WithText(EmailPage.InternetCPID, Utf8CodePage));
        if (EmailVersionRules.AllowsFlag(version)) data.Add(EmailFlagWriter.Write(item.Flag));
        if (EmailVersionRules.AllowsContentClass(version)) data.Add(WbxmlElement.WithText(EmailPage.ContentClass, MessageContentClass));
        if (EmailVersionRules.UsesAirSyncBase(version))
            data.Add(EmailElements.Number(AirSyncBase.NativeBodyType, (long)EmailBodySource.NativeType(item)));

        if (EmailVersionRules.AllowsEmail2(version))
        {
            data.Add(WbxmlElement.WithOpaque(Email2Page.ConversationId, EmailConversation.ConversationId(item)));
            data.Add(WbxmlElement.WithOpaque(Email2Page.ConversationIndex, EmailConversation.ConversationIndex(item.DateSent ?? item.DateReceived)));
            AddLastVerb(data, item, always: false);
            if (item.ReceivedAsBcc) data.Add(EmailElements.Boolean(Email2Page.ReceivedAsBcc, true));
            if (item.Sender is { } sender) data.Add(WbxmlElement.WithText(Email2Page.Sender, sender.ToEasString()));
        }

        if (EmailVersionRules.AllowsCategories(version)) data.Add(Categories(item));
        return streamed;
    }

    /// <summary>
    /// email2:LastVerbExecuted and LastVerbExecutionTime (MS-ASEMAIL 2.2.2.44, 2.2.2.45). <c>\Answered</c> is
    /// REPLYTOSENDER, as IMAP cannot tell a reply to all; when a message is both answered and forwarded,
    /// IMAP does not say which came last, and the reply is reported.
    /// </summary>
    private static void AddLastVerb(WbxmlElement data, EmailItem item, bool always)
    {
        var verb = item.Answered ? EmailLastVerb.ReplyToSender : item.Forwarded ? EmailLastVerb.Forward : EmailLastVerb.Unknown;
        if (verb == EmailLastVerb.Unknown && !always) return;
        data.Add(EmailElements.Number(Email2Page.LastVerbExecuted, (long)verb));
        if (verb != EmailLastVerb.Unknown) data.AddDate(Email2Page.LastVerbExecutionTime, item.LastVerbExecutionTime);
    }

    /// <summary>email:Categories (MS-ASEMAIL 2.2.2.16), empty when the item has none, as an Add needs.</summary>
    private static WbxmlElement Categories(EmailItem item)
    {
        var categories = new WbxmlElement(EmailPage.Categories);
        foreach (var category in item.Categories) categories.AddText(EmailPage.Category, category);
        return categories;
    }
}
