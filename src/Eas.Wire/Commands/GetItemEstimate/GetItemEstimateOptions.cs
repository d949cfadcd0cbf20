using Eas.Wire.Commands.Sync;

namespace Eas.Wire.Commands.GetItemEstimate;

/// <summary>
/// One airsync:Options element of a GetItemEstimate collection (MS-ASCMD 2.2.3.125.2), 14.0+: the filter
/// for the folder's default class, or (with <see cref="Class"/>) for another class such as SMS.
/// </summary>
public sealed record GetItemEstimateOptions
{
    /// <summary>The class these options apply to (airsync:Class, 2.2.3.27.2); null for the folder's default class.</summary>
    public string? Class { get; init; }

    /// <summary>The time window (airsync:FilterType, 2.2.3.68.1).</summary>
    public SyncFilterType? FilterType { get; init; }

    /// <summary>How many recipients to count, for the recipient information cache "RI" only (airsync:MaxItems, 2.2.3.103.1).</summary>
    public int? MaxItems { get; init; }
}
