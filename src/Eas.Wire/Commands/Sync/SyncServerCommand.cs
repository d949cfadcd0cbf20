namespace Eas.Wire.Commands.Sync;

/// <summary>One server change in a collection's Commands (MS-ASCMD 2.2.3.32), written in list order.</summary>
/// <param name="ServerId">The item's server id.</param>
public abstract record SyncServerCommand(string ServerId)
{
    /// <summary>The item's class when it differs from the folder's (SMS); written to 14.0+ clients only (2.2.3.27.6).</summary>
    public string? Class { get; init; }
}
