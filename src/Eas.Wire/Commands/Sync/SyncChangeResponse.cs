using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Sync;

/// <summary>
/// The answer to a client Change (MS-ASCMD 2.2.3.24), sent when it failed, and from 16.0 when it added
/// attachments to a draft (MS-ASCMD 2.2.3.154): then <see cref="ApplicationData"/> holds their FileReferences.
/// </summary>
public sealed record SyncChangeResponse(string ServerId, SyncStatus Status) : SyncItemResponse(Status)
{
    /// <summary>
    /// airsync:ApplicationData with airsyncbase:Attachments, one Attachment (ClientId, FileReference) per attachment
    /// the phone added (MS-ASAIRS 2.2.2.7, 2.2.2.14); written for 16.0 and later when not null.
    /// </summary>
    public WbxmlElement? ApplicationData { get; init; }
}
