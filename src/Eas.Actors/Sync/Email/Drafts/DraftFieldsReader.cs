using System.Collections.Immutable;
using System.Globalization;
using Eas.Wire.Commands;
using Eas.Wire.Wbxml;
using AirSyncBasePage = Eas.Wire.CodePages.AirSyncBase;
using Email2Page = Eas.Wire.CodePages.Email2;
using EmailPage = Eas.Wire.CodePages.Email;

namespace Eas.Actors.Sync.Email.Drafts;

/// <summary>
/// Reads the airsync:ApplicationData of a 16.0+ Sync Add or Change of a draft (MS-ASCMD 2.2.3.11) into
/// <see cref="DraftFields"/>: email:To, Cc, Subject, Importance, email2:Bcc (MS-ASEMAIL 2.2.2), airsyncbase:Body
/// with Type 1 or 2 (MS-ASAIRS 2.2.2.9, 2.2.2.74) and airsyncbase:Attachments with Add (ClientId, Method, Content,
/// DisplayName, ContentType, IsInline, ContentId, ContentLocation; MS-ASAIRS 2.2.2.2) and Delete (FileReference;
/// 2.2.2.21). Properties that are the server's (From, DateReceived, Read, flags, conversation) are left to the
/// email change rules and ignored here. Anything malformed, and an attachment over the limit, is a
/// <see cref="DraftRejectedException"/>, raised before anything is written.
/// </summary>
public static class DraftFieldsReader
{
    /// <summary>
    /// Whether a Change carries draft content (recipients, subject, importance, body or attachments) rather than only
    /// the read state, flag or categories every email may change (MS-ASEMAIL 3.1.5.3).
    /// </summary>
    public static bool IsDraftEdit(WbxmlElement applicationData)
    {
        foreach (var child in applicationData.Children)
        {
            if (child.Tag is EmailPage.To or EmailPage.Cc or Email2Page.Bcc or EmailPage.Subject or EmailPage.Importance
                or AirSyncBasePage.Body or AirSyncBasePage.Attachments)
                return true;
        }

        return false;
    }

    /// <param name="applicationData">The airsync:ApplicationData element.</param>
    /// <param name="maxAttachmentBytes">The largest attachment taken (decoded bytes).</param>
    /// <exception cref="DraftRejectedException">The draft is malformed, or an attachment is too large.</exception>
    public static DraftFields Read(WbxmlElement applicationData, long maxAttachmentBytes)
    {
        var fields = new DraftFields();
        var seen = new HashSet<ushort>();
        foreach (var child in applicationData.Children)
        {
            if (child.Tag is EmailPage.To or EmailPage.Cc or Email2Page.Bcc or EmailPage.Subject or EmailPage.Importance
                or AirSyncBasePage.Body or AirSyncBasePage.Attachments && !seen.Add(child.Tag))
                throw Unreadable($"{child.Name} appears more than once");
            fields = child.Tag switch
            {
                EmailPage.To => fields with { To = child.Text },
                EmailPage.Cc => fields with { Cc = child.Text },
                Email2Page.Bcc => fields with { Bcc = child.Text },
                EmailPage.Subject => fields with { Subject = child.Text },
                EmailPage.Importance => fields with { Importance = ReadImportance(child) },
                AirSyncBasePage.Body => fields with { Body = ReadBody(child) },
                AirSyncBasePage.Attachments => ReadAttachments(child, fields, maxAttachmentBytes),
                _ => fields,
            };
        }

        return fields;
    }

    private static EmailImportance ReadImportance(WbxmlElement element) =>
        int.TryParse(element.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 2
            ? (EmailImportance)value
            : throw Unreadable($"Importance is '{element.Text}', not 0, 1 or 2 (MS-ASEMAIL 2.2.2.38)");

    /// <summary>airsyncbase:Body: Type is required; a draft's body is plain text or HTML (MS-ASAIRS 2.2.2.74); Data may be absent for an empty body.</summary>
    private static DraftBody ReadBody(WbxmlElement body)
    {
        var type = body.ValueOf(AirSyncBasePage.Type) ?? throw Unreadable("Body lacks its Type (MS-ASAIRS 2.2.2.9)");
        return type switch
        {
            "1" => new DraftBody(BodyType.PlainText, body.ValueOf(AirSyncBasePage.Data) ?? ""),
            "2" => new DraftBody(BodyType.Html, body.ValueOf(AirSyncBasePage.Data) ?? ""),
            _ => throw Unreadable($"a draft's Body Type is '{type}'; this server takes 1 (plain text) or 2 (HTML)"),
        };
    }

    private static DraftFields ReadAttachments(WbxmlElement attachments, DraftFields fields, long maxAttachmentBytes)
    {
        var added = ImmutableArray.CreateBuilder<DraftAttachment>();
        var deleted = ImmutableArray.CreateBuilder<string>();
        var clientIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in attachments.Children)
        {
            switch (child.Tag)
            {
                case AirSyncBasePage.Add:
                    var attachment = ReadAdd(child, maxAttachmentBytes);
                    if (!clientIds.Add(attachment.ClientId)) throw Unreadable($"two attachments have the ClientId '{attachment.ClientId}'");
                    added.Add(attachment);
                    break;
                case AirSyncBasePage.Delete:
                    deleted.Add(child.ValueOf(AirSyncBasePage.FileReference) is { Length: > 0 } reference
                        ? reference
                        : throw Unreadable("an attachment Delete lacks its FileReference (MS-ASAIRS 2.2.2.21)"));
                    break;
                default:
                    throw Unreadable($"Attachments holds {child.Name}; a request holds Add and Delete (MS-ASAIRS 2.2.2.8)");
            }
        }

        return fields with { AddedAttachments = added.ToImmutable(), DeletedAttachments = deleted.ToImmutable() };
    }

    /// <summary>airsyncbase:Add: ClientId, Method and Content are required (MS-ASAIRS 2.2.2.2); Method 1 is a normal attachment (2.2.2.31.1).</summary>
    private static DraftAttachment ReadAdd(WbxmlElement add, long maxAttachmentBytes)
    {
        var clientId = add.ValueOf(AirSyncBasePage.ClientId);
        if (string.IsNullOrEmpty(clientId) || clientId.Length > 64) throw Unreadable("an attachment Add lacks a ClientId of 1 to 64 characters (MS-ASAIRS 2.2.2.14)");
        var method = add.ValueOf(AirSyncBasePage.Method) ?? throw Unreadable("an attachment Add lacks its Method (MS-ASAIRS 2.2.2.2)");
        if (method != "1") throw Unreadable($"an attachment Add has Method '{method}'; a phone adds files (1, MS-ASAIRS 2.2.2.31.1)");
        var content = add.Element(AirSyncBasePage.Content) ?? throw Unreadable("an attachment Add lacks its Content (MS-ASAIRS 2.2.2.15)");
        var bytes = ContentBytes(content, maxAttachmentBytes);
        return new DraftAttachment(clientId, bytes)
        {
            DisplayName = add.ValueOf(AirSyncBasePage.DisplayName),
            ContentType = add.ValueOf(AirSyncBasePage.ContentType),
            IsInline = add.ValueOf(AirSyncBasePage.IsInline) == "1",
            ContentId = add.ValueOf(AirSyncBasePage.ContentId),
            ContentLocation = add.ValueOf(AirSyncBasePage.ContentLocation),
        };
    }

    /// <summary>
    /// Content is a byte array (MS-ASAIRS 2.2.2.15): WBXML opaque data carries the bytes themselves; a string is read
    /// as their base64 form, as MS-ASCMD 2.2.3.39.2 gives ItemOperations Data. The size is checked before decoding.
    /// </summary>
    private static ReadOnlyMemory<byte> ContentBytes(WbxmlElement content, long maxAttachmentBytes)
    {
        if (content.ValueKind == WbxmlValueKind.Opaque)
        {
            if (content.RawValue.Length > maxAttachmentBytes) throw TooLarge(content.RawValue.Length, maxAttachmentBytes);
            return content.RawValue.ToArray();
        }

        var text = content.Text;
        var decoded = (long)text.Length / 4 * 3;
        if (decoded > maxAttachmentBytes + 2) throw TooLarge(decoded, maxAttachmentBytes);
        try
        {
            var bytes = Convert.FromBase64String(text);
            return bytes.Length > maxAttachmentBytes ? throw TooLarge(bytes.Length, maxAttachmentBytes) : bytes;
        }
        catch (FormatException)
        {
            throw Unreadable("an attachment's Content is text that is not base64");
        }
    }

    private static DraftRejectedException TooLarge(long bytes, long max) =>
        new(DraftRejection.AttachmentTooLarge, $"an attachment of {bytes} bytes is over the limit of {max}");

    private static DraftRejectedException Unreadable(string reason) => new(DraftRejection.Unreadable, reason);
}
