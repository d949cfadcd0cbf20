using Eas.Wire.Http;

namespace Eas.Wire.Commands.GetItemEstimate;

/// <summary>
/// Which GetItemEstimate elements each protocol version allows (MS-ASCMD 2.2.1.9); the parser and writer
/// ask only here.
/// </summary>
public static class GetItemEstimateVersionRules
{
    /// <summary>getitemestimate:Class on the request and response Collection: 2.5, 12.0, 12.1 (MS-ASCMD 2.2.3.27.2).</summary>
    public static bool AllowsCollectionClass(ProtocolVersion version) => version <= ProtocolVersion.V121;

    /// <summary>airsync:FilterType directly on the Collection: 2.5, 12.0, 12.1 (MS-ASCMD 2.2.3.68.1).</summary>
    public static bool AllowsCollectionFilterType(ProtocolVersion version) => version <= ProtocolVersion.V121;

    /// <summary>airsync:Options on the Collection: 14.0 and later (MS-ASCMD 2.2.3.125.2).</summary>
    public static bool AllowsOptions(ProtocolVersion version) => version >= ProtocolVersion.V140;

    /// <summary>airsync:ConversationMode on the Collection: 14.0 and later (MS-ASCMD 2.2.3.36.1).</summary>
    public static bool AllowsConversationMode(ProtocolVersion version) => version >= ProtocolVersion.V140;
}
