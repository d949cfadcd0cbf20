using Eas.Wire.Http;

namespace Eas.Wire.Commands.ItemOperations;

/// <summary>Which ItemOperations elements each protocol version allows (MS-ASCMD 2.2.1.10); the parser asks only here.</summary>
public static class ItemOperationsVersionRules
{
    /// <summary>The ItemOperations command itself: 12.0 and later (MS-ASCMD 2.2.1.10).</summary>
    public static bool AllowsCommand(ProtocolVersion version) => version >= ProtocolVersion.V120;

    /// <summary>The Move operation: 14.0 and later (MS-ASCMD 2.2.3.117.1).</summary>
    public static bool AllowsMove(ProtocolVersion version) => version >= ProtocolVersion.V140;

    /// <summary>airsyncbase:BodyPartPreference in Fetch options: 14.1 and later (MS-ASAIRS 2.2.2.11).</summary>
    public static bool AllowsBodyPartPreference(ProtocolVersion version) => version >= ProtocolVersion.V141;

    /// <summary>rm:RightsManagementSupport and rm:RemoveRightsManagementProtection: 14.1 and later (MS-ASRM 2.2.2.15, 2.2.2.11).</summary>
    public static bool AllowsRightsManagement(ProtocolVersion version) => version >= ProtocolVersion.V141;
}
