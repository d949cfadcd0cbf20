using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Sync;

/// <summary>The answer to a client Add (MS-ASCMD 2.2.3.7.2): the client's id and, on success, the new server id.</summary>
public sealed record SyncAddResponse(string ClientId, SyncStatus Status) : SyncItemResponse(Status)
{
    /// <summary>The item's new server id; written when not null.</summary>
    public string? ServerId { get; init; }

    /// <summary>
    /// airsync:ApplicationData with airsyncbase:Attachments, one Attachment (ClientId, FileReference) per attachment
    /// of a new draft (MS-ASAIRS 2.2.2.7, 2.2.2.14); written for 16.0 and later when not null.
    /// </summary>
    public WbxmlElement? ApplicationData { get; init; }
}
