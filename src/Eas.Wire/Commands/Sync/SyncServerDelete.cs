namespace Eas.Wire.Commands.Sync;

/// <summary>An item deleted on the server (Delete, MS-ASCMD 2.2.3.42.2).</summary>
public sealed record SyncServerDelete(string ServerId) : SyncServerCommand(ServerId);
