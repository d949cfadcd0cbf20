namespace Eas.Wire.Http;

/// <summary>
/// The tag byte of an encoded command parameter in the base64-encoded query value
/// (MS-ASHTTP 2.2.1.1.1.1.1 and 2.2.1.1.1.1.3). Each parameter is tag (1 byte), length (1 byte, 0-255),
/// value (length bytes).
/// </summary>
/// <remarks>
/// Tags 2 (CollectionName) and 5 (ParentId) appear in earlier revisions of MS-ASHTTP only; they are
/// accepted for old clients. Any other tag is rejected.
/// </remarks>
public enum EasCommandParameter : byte
{
    /// <summary>The attachment to retrieve (GetAttachment).</summary>
    AttachmentName = 0,

    /// <summary>The folder of the message being forwarded or replied to (SmartForward, SmartReply).</summary>
    CollectionId = 1,

    /// <summary>A folder name; earlier MS-ASHTTP revisions only.</summary>
    CollectionName = 2,

    /// <summary>The message being forwarded or replied to (SmartForward, SmartReply).</summary>
    ItemId = 3,

    /// <summary>A Search result being forwarded or replied to (SmartForward, SmartReply).</summary>
    LongId = 4,

    /// <summary>A parent folder id; earlier MS-ASHTTP revisions only.</summary>
    ParentId = 5,

    /// <summary>An occurrence of a recurring meeting (SmartForward, SmartReply).</summary>
    Occurrence = 6,

    /// <summary>A one-byte <see cref="EasCommandOptions"/> bit mask.</summary>
    Options = 7,

    /// <summary>The user, in a form fit for the web server log (any command).</summary>
    User = 8,
}
