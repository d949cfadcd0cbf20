namespace Eas.Actors.Sync.Email;

/// <summary>
/// How an attachment is attached: airsyncbase:Method (MS-ASAIRS 2.2.2.31.2) for 12.0+ and email:AttMethod
/// for 2.5 take the same values; 2 to 4 are reserved.
/// </summary>
public enum EmailAttachmentMethod
{
    /// <summary>A normal file attachment, the common case.</summary>
    Normal = 1,

    /// <summary>An attached email message (message/rfc822) that the client saves as .eml.</summary>
    EmbeddedMessage = 5,

    /// <summary>An embedded OLE object, such as an inline image.</summary>
    Ole = 6,
}
