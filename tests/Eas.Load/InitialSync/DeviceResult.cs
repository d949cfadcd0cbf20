namespace Eas.Load.InitialSync;

/// <summary>
/// What one simulated phone saw: items added (and how many ServerIds came twice), requests and failed
/// attempts, response octets, whether MoreAvailable ended, the time from Sync key 0 to the last window,
/// and why it stopped if it did not finish.
/// </summary>
internal sealed record DeviceResult(
    string DeviceId, int Items, int Duplicates, int OtherCommands, int Windows, int Requests, int Errors, long Bytes,
    bool Completed, TimeSpan SyncElapsed, string? Failure, string? StopReason)
{
    public int UniqueItems => Items - Duplicates;

    public double ItemsPerSecond => SyncElapsed.TotalSeconds > 0 ? Items / SyncElapsed.TotalSeconds : 0;
}
