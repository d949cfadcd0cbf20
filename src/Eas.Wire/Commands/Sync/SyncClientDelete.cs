namespace Eas.Wire.Commands.Sync;

/// <summary>A deletion from the client (Delete, MS-ASCMD 2.2.3.42.2).</summary>
public sealed record SyncClientDelete(string ServerId) : SyncClientCommand;
