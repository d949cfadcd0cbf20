using Eas.Wire.Http;

namespace Eas.Wire.Commands.Sync;

/// <summary>
/// Which Sync elements each protocol version allows (MS-ASCMD 2.2.1.21 and the element sections cited);
/// the parser rejects a request element its version does not support, and the writer leaves out a
/// response element the version does not support. Elements not listed here are allowed in every version:
/// WindowSize at either level (2.2.3.199), GetChanges, DeletesAsMoves, Supported, Conflict, MIMESupport,
/// MIMETruncation, FilterType, MoreAvailable, SoftDelete.
/// </summary>
public static class SyncVersionRules
{
    /// <summary>airsync:Class on a Collection (request and response): 2.5, 12.0, 12.1 (MS-ASCMD 2.2.3.27.6).</summary>
    public static bool AllowsCollectionClass(ProtocolVersion version) => version <= ProtocolVersion.V121;

    /// <summary>airsync:Class on Options and on request Add, and on response Add, Change and Delete: 14.0 and later (MS-ASCMD 2.2.3.27.6).</summary>
    public static bool AllowsItemClass(ProtocolVersion version) => version >= ProtocolVersion.V140;

    /// <summary>
    /// email2:Send on a request Add or Change, and airsync:ApplicationData in a Responses Add or Change (the
    /// attachments the phone added to a draft): 16.0 and later (MS-ASEMAIL 2.2.2.69, MS-ASAIRS 2.2.2.14).
    /// </summary>
    public static bool AllowsDrafts(ProtocolVersion version) => version >= ProtocolVersion.V160;

    /// <summary>Wait on Sync: 12.1 and later (MS-ASCMD 2.2.3.198).</summary>
    public static bool AllowsWait(ProtocolVersion version) => version >= ProtocolVersion.V121;

    /// <summary>Partial on Sync: 12.1 and later (MS-ASCMD 2.2.3.131).</summary>
    public static bool AllowsPartial(ProtocolVersion version) => version >= ProtocolVersion.V121;

    /// <summary>Limit on the Sync response, the bound that goes with status 14: 12.1 and later (MS-ASCMD 2.2.3.97).</summary>
    public static bool AllowsLimit(ProtocolVersion version) => version >= ProtocolVersion.V121;

    /// <summary>HeartbeatInterval on Sync: 14.0 and later (MS-ASCMD 2.2.3.88.2).</summary>
    public static bool AllowsHeartbeatInterval(ProtocolVersion version) => version >= ProtocolVersion.V140;

    /// <summary>ConversationMode on a Collection: 14.0 and later (MS-ASCMD 2.2.3.36.2).</summary>
    public static bool AllowsConversationMode(ProtocolVersion version) => version >= ProtocolVersion.V140;

    /// <summary>MaxItems in Options: 14.0 and later (MS-ASCMD 2.2.3.103.2).</summary>
    public static bool AllowsMaxItems(ProtocolVersion version) => version >= ProtocolVersion.V140;

    /// <summary>airsyncbase:BodyPreference in Options: 12.0 and later (MS-ASAIRS 2.2.2.12).</summary>
    public static bool AllowsBodyPreference(ProtocolVersion version) => version >= ProtocolVersion.V120;

    /// <summary>airsyncbase:BodyPartPreference in Options: 14.1 and later (MS-ASAIRS 2.2.2.11).</summary>
    public static bool AllowsBodyPartPreference(ProtocolVersion version) => version >= ProtocolVersion.V141;

    /// <summary>rm:RightsManagementSupport in Options: 14.1 and later (MS-ASRM 2.2.2.15).</summary>
    public static bool AllowsRightsManagementSupport(ProtocolVersion version) => version >= ProtocolVersion.V141;
}
