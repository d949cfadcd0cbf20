using System.Collections.Immutable;

namespace Eas.Wire.Commands.Sync;

/// <summary>
/// One airsync:Options element of a Sync collection (MS-ASCMD 2.2.3.125.6). A collection may carry two:
/// one for the folder's default class and one (with <see cref="Class"/>, 14.0+) for SMS. The server keeps
/// the last options per collection ("sticky options") and uses them when a request has none.
/// </summary>
public sealed record SyncOptions
{
    /// <summary>The class these options apply to, 14.0+ (airsync:Class, 2.2.3.27.6); null for the default class.</summary>
    public string? Class { get; init; }

    /// <summary>The time window (airsync:FilterType, 2.2.3.68.2).</summary>
    public SyncFilterType? FilterType { get; init; }

    /// <summary>The body formats wanted, 12.0+, in preference order (airsyncbase:BodyPreference, MS-ASAIRS 2.2.2.12).</summary>
    public ImmutableArray<BodyPreference> BodyPreferences { get; init; } = [];

    /// <summary>The conversation body part formats wanted, 14.1+ (airsyncbase:BodyPartPreference, MS-ASAIRS 2.2.2.11).</summary>
    public ImmutableArray<BodyPreference> BodyPartPreferences { get; init; } = [];

    /// <summary>Which side wins a conflict (airsync:Conflict, 2.2.3.34).</summary>
    public SyncConflictResolution? Conflict { get; init; }

    /// <summary>When to send MIME (airsync:MIMESupport, 2.2.3.110.3).</summary>
    public SyncMimeSupport? MimeSupport { get; init; }

    /// <summary>
    /// The MIME truncation code (airsync:MIMETruncation, 2.2.3.111): 0 truncates everything; 1-7 truncate
    /// at 4, 5, 7, 10, 20, 50, 100 KB; 8 does not truncate.
    /// </summary>
    public int? MimeTruncation { get; init; }

    /// <summary>The 2.5 body truncation code, 0 to 9 (AirSync:Truncation, MS-ASCMD 2.2.3.185); 2.5 only.</summary>
    public int? Truncation { get; init; }

    /// <summary>How many recipients to keep, for the recipient information cache only, 14.0+ (airsync:MaxItems, 2.2.3.103.2).</summary>
    public int? MaxItems { get; init; }

    /// <summary>Whether the client handles rights-managed mail, 14.1+ (rm:RightsManagementSupport, MS-ASRM 2.2.2.15).</summary>
    public bool? RightsManagementSupport { get; init; }
}
