using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using EmailPage = Eas.Wire.CodePages.Email;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// Writes the attachment list in the version's form. Nothing is written for a message without
/// attachments: both Attachments elements hold one or more Attachment.
/// </summary>
internal static class EmailAttachmentWriter
{
    /// <summary>
    /// 12.0+: airsyncbase:Attachments (MS-ASEMAIL 2.2.2.4.1) of airsyncbase:Attachment (MS-ASAIRS 2.2.2.7) with
    /// DisplayName, FileReference, Method, EstimatedDataSize, and ContentId, ContentLocation and IsInline when
    /// they apply. The client fetches the bytes with ItemOperations by FileReference.
    /// </summary>
    public static WbxmlElement? AirSyncBaseForm(IReadOnlyList<EmailAttachment> attachments)
    {
        if (attachments.Count == 0) return null;
        var list = new WbxmlElement(AirSyncBase.Attachments);
        foreach (var attachment in attachments)
        {
            var element = new WbxmlElement(AirSyncBase.Attachment);
            element.AddText(AirSyncBase.DisplayName, attachment.FileName);
            element.Add(WbxmlElement.WithText(AirSyncBase.FileReference, attachment.FileReference));
            element.Add(EmailElements.Number(AirSyncBase.Method, (long)attachment.Method));
            element.Add(EmailElements.Number(AirSyncBase.EstimatedDataSize, attachment.EstimatedSize));
            element.AddText(AirSyncBase.ContentId, attachment.ContentId);
            element.AddText(AirSyncBase.ContentLocation, attachment.ContentLocation);
            if (attachment.IsInline) element.Add(EmailElements.Boolean(AirSyncBase.IsInline, true));
            list.Add(element);
        }

        return list;
    }

    /// <summary>
    /// 2.5: email:Attachments (MS-ASEMAIL 2.2.2.4.2) of email:Attachment with AttMethod, AttSize, DisplayName
    /// (2.2.2.28), AttName (2.2.2.6: where the client fetches the file, with GetAttachment) and, for a part
    /// with a Content-ID, Att0Id carrying it.
    /// </summary>
    public static WbxmlElement? EmailForm(IReadOnlyList<EmailAttachment> attachments)
    {
        if (attachments.Count == 0) return null;
        var list = new WbxmlElement(EmailPage.Attachments);
        foreach (var attachment in attachments)
        {
            var element = new WbxmlElement(EmailPage.Attachment);
            element.Add(EmailElements.Number(EmailPage.AttMethod, (long)attachment.Method));
            element.Add(EmailElements.Number(EmailPage.AttSize, attachment.EstimatedSize));
            element.AddText(EmailPage.DisplayName, attachment.FileName);
            element.Add(WbxmlElement.WithText(EmailPage.AttName, attachment.FileReference));
            element.AddText(EmailPage.Att0Id, attachment.ContentId);
            list.Add(element);
        }

        return list;
    }
}
