namespace Eas.Wire.Commands.Sync;

/// <summary>
/// The answer to a client Delete (MS-ASCMD 2.2.3.42.2), sent only when it failed; for the Delete of one occurrence
/// (16.0+) it names the occurrence again (airsyncbase:InstanceId, between ServerId and Status).
/// </summary>
public sealed record SyncDeleteResponse(string ServerId, SyncStatus Status) : SyncItemResponse(Status)
{
    /// <summary>The occurrence the failed Delete named (MS-ASAIRS 2.2.2.25); null for a whole item.</summary>
    public string? InstanceId { get; init; }
}
