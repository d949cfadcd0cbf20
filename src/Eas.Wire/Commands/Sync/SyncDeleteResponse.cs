namespace Eas.Wire.Commands.Sync;

/// <summary>The answer to a client Delete (MS-ASCMD 2.2.3.42.2), sent only when it failed.</summary>
public sealed record SyncDeleteResponse(string ServerId, SyncStatus Status) : SyncItemResponse(Status);
