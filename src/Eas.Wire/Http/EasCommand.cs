namespace Eas.Wire.Http;

/// <summary>
/// An ActiveSync command, valued by its binary command code: the byte the base64-encoded query value
/// carries in its Command code field (MS-ASHTTP 2.2.1.1.1.1.2). The member names are the canonical
/// <c>Cmd=</c> names of the plain text query value (MS-ASHTTP 2.2.1.1.1.2.1).
/// </summary>
/// <remarks>
/// Codes 5 to 8 are unassigned. Pre-12.0 commands without a code (GetHierarchy, CreateCollection,
/// DeleteCollection, MoveCollection, Notify) are not members and are rejected. <see cref="Find"/>
/// (MS-ASCMD 2.2.1.2, protocol 16.1) takes the next free code, 23, as other servers do.
/// </remarks>
public enum EasCommand : byte
{
    /// <summary>Synchronizes changes in a folder (MS-ASCMD 2.2.1.21).</summary>
    Sync = 0,

    /// <summary>Sends a MIME message (MS-ASCMD 2.2.1.17).</summary>
    SendMail = 1,

    /// <summary>Forwards a message without downloading it first (MS-ASCMD 2.2.1.19).</summary>
    SmartForward = 2,

    /// <summary>Replies to a message without downloading it first (MS-ASCMD 2.2.1.20).</summary>
    SmartReply = 3,

    /// <summary>Retrieves an attachment named by the AttachmentName parameter (MS-ASCMD 2.2.1.7).</summary>
    GetAttachment = 4,

    /// <summary>Synchronizes the folder hierarchy (MS-ASCMD 2.2.1.5).</summary>
    FolderSync = 9,

    /// <summary>Creates a folder (MS-ASCMD 2.2.1.3).</summary>
    FolderCreate = 10,

    /// <summary>Deletes a folder (MS-ASCMD 2.2.1.4).</summary>
    FolderDelete = 11,

    /// <summary>Moves or renames a folder (MS-ASCMD 2.2.1.6).</summary>
    FolderUpdate = 12,

    /// <summary>Moves items between folders (MS-ASCMD 2.2.1.12).</summary>
    MoveItems = 13,

    /// <summary>Estimates the number of items a Sync would return (MS-ASCMD 2.2.1.9).</summary>
    GetItemEstimate = 14,

    /// <summary>Accepts, tentatively accepts or declines a meeting request (MS-ASCMD 2.2.1.11).</summary>
    MeetingResponse = 15,

    /// <summary>Searches the GAL, the mailbox or a document library (MS-ASCMD 2.2.1.16).</summary>
    Search = 16,

    /// <summary>Gets and sets global properties such as OOF and device information (MS-ASCMD 2.2.1.18).</summary>
    Settings = 17,

    /// <summary>Asks the server to watch folders for changes (MS-ASCMD 2.2.1.13).</summary>
    Ping = 18,

    /// <summary>Fetches, moves or empties items (MS-ASCMD 2.2.1.10).</summary>
    ItemOperations = 19,

    /// <summary>Downloads and acknowledges the security policy (MS-ASPROV).</summary>
    Provision = 20,

    /// <summary>Resolves recipients, optionally with certificates and availability (MS-ASCMD 2.2.1.15).</summary>
    ResolveRecipients = 21,

    /// <summary>Validates an S/MIME certificate (MS-ASCMD 2.2.1.22).</summary>
    ValidateCert = 22,

    /// <summary>Finds items in the mailbox or GAL (MS-ASCMD 2.2.1.2, protocol 16.1).</summary>
    Find = 23,
}
