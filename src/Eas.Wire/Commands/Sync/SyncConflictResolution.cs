namespace Eas.Wire.Commands.Sync;

/// <summary>Which side wins when an item changed on both (airsync:Conflict, MS-ASCMD 2.2.3.34); the server's default is <see cref="ServerWins"/>.</summary>
public enum SyncConflictResolution
{
    /// <summary>The client's version replaces the server's.</summary>
    ClientWins = 0,

    /// <summary>The server's version replaces the client's.</summary>
    ServerWins = 1,
}
