using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Sync;

/// <summary>A change to an item from the client (Change, MS-ASCMD 2.2.3.24): its server id and the changed properties as airsync:ApplicationData.</summary>
public sealed record SyncClientChange(string ServerId, WbxmlElement ApplicationData) : SyncClientCommand;
