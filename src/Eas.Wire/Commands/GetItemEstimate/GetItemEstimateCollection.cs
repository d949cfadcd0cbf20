using System.Collections.Immutable;
using Eas.Wire.Commands.Sync;

namespace Eas.Wire.Commands.GetItemEstimate;

/// <summary>
/// One collection to estimate (Collection, MS-ASCMD 2.2.3.29.1). Which children carry the filter depends
/// on the version: up to 12.1 getitemestimate:Class and airsync:FilterType sit on the collection; from
/// 14.0 on airsync:Options (and airsync:ConversationMode) do (<see cref="GetItemEstimateVersionRules"/>).
/// </summary>
/// <param name="SyncKey">
/// The collection's current Sync key (airsync:SyncKey, 2.2.3.181.3); null when left out, which the collection's
/// Response answers with Status 4 (InvalidSyncKey).
/// </param>
/// <param name="CollectionId">
/// The folder's server id (2.2.3.30.2); null when left out: a collection the request cannot name is answered in its
/// Response with Status 2 (InvalidCollection).
/// </param>
public sealed record GetItemEstimateCollection(string? SyncKey, string? CollectionId)
{
    /// <summary>The folder's class, 2.5-12.1 only (getitemestimate:Class, 2.2.3.27.2).</summary>
    public string? Class { get; init; }

    /// <summary>The time window, 2.5-12.1 only (airsync:FilterType on the collection, 2.2.3.68.1).</summary>
    public SyncFilterType? FilterType { get; init; }

    /// <summary>Whether to count whole conversations, 14.0+ (airsync:ConversationMode, 2.2.3.36.1).</summary>
    public bool? ConversationMode { get; init; }

    /// <summary>The options, 14.0+: at most two (the default class and one more).</summary>
    public ImmutableArray<GetItemEstimateOptions> Options { get; init; } = [];
}
