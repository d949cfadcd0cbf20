using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Sync;

/// <summary>A changed item (Change, MS-ASCMD 2.2.3.24); <see cref="ApplicationData"/> carries the changed properties and is written as given.</summary>
public sealed record SyncServerChange(string ServerId, WbxmlElement ApplicationData) : SyncServerCommand(ServerId);
