namespace Eas.Wire.Commands.Sync;

/// <summary>
/// The server's answer to one client operation, in a collection's Responses (MS-ASCMD 2.2.3.154). The
/// spec asks for answers to failed Change and Delete operations, to every Add and to every Fetch.
/// </summary>
/// <param name="Status">The operation's status.</param>
public abstract record SyncItemResponse(SyncStatus Status)
{
    /// <summary>The item's class when it differs from the folder's (SMS); written to 14.0+ clients only, never for Fetch (2.2.3.27.6).</summary>
    public string? Class { get; init; }
}
