namespace Eas.Wire.Commands.Sync;

/// <summary>The answer to a client Change (MS-ASCMD 2.2.3.24), usually sent only when it failed.</summary>
public sealed record SyncChangeResponse(string ServerId, SyncStatus Status) : SyncItemResponse(Status);
