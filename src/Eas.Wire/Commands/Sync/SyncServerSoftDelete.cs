namespace Eas.Wire.Commands.Sync;

/// <summary>An item that left the FilterType window (SoftDelete, MS-ASCMD 2.2.3.172): the client drops it without deleting it on the server. Never carries a class.</summary>
public sealed record SyncServerSoftDelete(string ServerId) : SyncServerCommand(ServerId);
