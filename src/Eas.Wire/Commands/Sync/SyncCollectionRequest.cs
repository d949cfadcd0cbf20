using System.Collections.Immutable;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Sync;

/// <summary>One collection of a Sync request (Collection, MS-ASCMD 2.2.3.29.2).</summary>
/// <param name="SyncKey">The collection's SyncKey, "0" to start over (2.2.3.181.4).</param>
/// <param name="CollectionId">The folder's server id (2.2.3.30.6).</param>
public sealed record SyncCollectionRequest(string SyncKey, string CollectionId)
{
    /// <summary>The folder's class, 2.5-12.1 only (airsync:Class, 2.2.3.27.6).</summary>
    public string? Class { get; init; }

    /// <summary>The airsync:Supported element as received (ghosted properties, 2.2.3.179); null when absent.</summary>
    public WbxmlElement? Supported { get; init; }

    /// <summary>Whether deletions go to Deleted Items (2.2.3.43); null when absent, which means true.</summary>
    public bool? DeletesAsMoves { get; init; }

    /// <summary>Whether the server sends its changes (2.2.3.84); null when absent, which means true except with SyncKey 0.</summary>
    public bool? GetChanges { get; init; }

    /// <summary>The most changes to return for this collection (2.2.3.199); the server reads 0 and values above 512 as 512.</summary>
    public int? WindowSize { get; init; }

    /// <summary>Whether to sync whole conversations, 14.0+ (2.2.3.36.2).</summary>
    public bool? ConversationMode { get; init; }

    /// <summary>The collection's options, at most two; empty to reuse the sticky options.</summary>
    public ImmutableArray<SyncOptions> Options { get; init; } = [];

    /// <summary>The client's operations, in document order.</summary>
    public ImmutableArray<SyncClientCommand> Commands { get; init; } = [];
}
