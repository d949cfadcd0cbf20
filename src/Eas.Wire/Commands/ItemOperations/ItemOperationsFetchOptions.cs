using System.Collections.Immutable;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.ItemOperations;

/// <summary>The Options of a Fetch (MS-ASCMD 2.2.3.125.3).</summary>
public sealed record ItemOperationsFetchOptions
{
    /// <summary>The Schema element as received: which properties to return (2.2.3.158); null for all.</summary>
    public WbxmlElement? Schema { get; init; }

    /// <summary>The byte range wanted, <c>first-last</c> (2.2.3.143.2); the host answers status 8 for a bad one.</summary>
    public string? Range { get; init; }

    /// <summary>The document library user name (2.2.3.193.1).</summary>
    public string? UserName { get; init; }

    /// <summary>The document library password (2.2.3.132.1); never log it.</summary>
    public string? Password { get; init; }

    /// <summary>When to return email as MIME (airsync:MIMESupport, 2.2.3.110.1).</summary>
    public SyncMimeSupport? MimeSupport { get; init; }

    /// <summary>The body formats wanted (airsyncbase:BodyPreference).</summary>
    public ImmutableArray<BodyPreference> BodyPreferences { get; init; } = [];

    /// <summary>The conversation body part formats wanted, 14.1+ (airsyncbase:BodyPartPreference).</summary>
    public ImmutableArray<BodyPreference> BodyPartPreferences { get; init; } = [];

    /// <summary>Whether the client handles rights-managed mail, 14.1+ (rm:RightsManagementSupport).</summary>
    public bool? RightsManagementSupport { get; init; }
}
