using System.Collections.Immutable;

namespace Eas.Wire.Commands.Sync;

/// <summary>One collection of a Sync response (Collection, MS-ASCMD 2.2.3.29.2).</summary>
/// <param name="CollectionId">The folder's server id.</param>
/// <param name="Status">The collection's status.</param>
public sealed record SyncCollectionResponse(string CollectionId, SyncStatus Status)
{
    /// <summary>The new SyncKey; null to leave it out (as with some failures).</summary>
    public string? SyncKey { get; init; }

    /// <summary>The folder's class, echoed to 2.5-12.1 clients only (2.2.3.27.6).</summary>
    public string? Class { get; init; }

    /// <summary>Whether more changes wait on the server than this response carries (2.2.3.116).</summary>
    public bool MoreAvailable { get; init; }

    /// <summary>The server's changes, in order.</summary>
    public ImmutableArray<SyncServerCommand> Commands { get; init; } = [];

    /// <summary>The answers to the client's operations, in order.</summary>
    public ImmutableArray<SyncItemResponse> Responses { get; init; } = [];
}
