using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Sync;

/// <summary>The answer to a client Fetch (MS-ASCMD 2.2.3.67.2): the whole item as airsync:ApplicationData, written as given, on success.</summary>
public sealed record SyncFetchResponse(string ServerId, SyncStatus Status) : SyncItemResponse(Status)
{
    /// <summary>The item; written when not null.</summary>
    public WbxmlElement? ApplicationData { get; init; }
}
