namespace Eas.Wire.Commands.Sync;

/// <summary>
/// A deletion from the client (Delete, MS-ASCMD 2.2.3.42.2): the item, or with <see cref="InstanceId"/> (16.0+,
/// airsyncbase:InstanceId, MS-ASAIRS 2.2.2.25) only that occurrence of a recurring series.
/// </summary>
public sealed record SyncClientDelete(string ServerId) : SyncClientCommand
{
    /// <summary>The occurrence's original start time (MS-ASAIRS 2.2.2.25) as the phone sent it; null deletes the whole item.</summary>
    public string? InstanceId { get; init; }
}
