using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Sync;

/// <summary>A new item for the client (Add, MS-ASCMD 2.2.3.7.2); <see cref="ApplicationData"/> is written as given.</summary>
public sealed record SyncServerAdd(string ServerId, WbxmlElement ApplicationData) : SyncServerCommand(ServerId);
