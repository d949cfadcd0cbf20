using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Sync;

/// <summary>A change to an item from the client (Change, MS-ASCMD 2.2.3.24): its server id and the changed properties as airsync:ApplicationData.</summary>
public sealed record SyncClientChange(string ServerId, WbxmlElement ApplicationData) : SyncClientCommand
{
    /// <summary>email2:Send was present: the changed draft is to be sent (16.0+, MS-ASEMAIL 2.2.2.69).</summary>
    public bool Send { get; init; }
}
