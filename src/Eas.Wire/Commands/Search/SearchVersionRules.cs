using Eas.Wire.Http;

namespace Eas.Wire.Commands.Search;

/// <summary>Which Search elements each protocol version has (MS-ASCMD 2.2.1.16); the parser and writer ask only here.</summary>
public static class SearchVersionRules
{
    /// <summary>Store names Mailbox and DocumentLibrary: 12.0 and later; 2.5 searches the GAL only (MS-ASCMD 2.2.3.110.2).</summary>
    public static bool AllowsMailboxStores(ProtocolVersion version) => version >= ProtocolVersion.V120;

    /// <summary>
    /// search:Picture in the request and gal:Picture in the response: 14.1 and later (MS-ASCMD 2.2.3.135.3, 2.2.3.78);
    /// BodyPartPreference and RightsManagementSupport come with the same version (MS-ASAIRS 2.2.2.11, MS-ASRM 2.2.2.15).
    /// </summary>
    public static bool AllowsPicture(ProtocolVersion version) => version >= ProtocolVersion.V141;
}
