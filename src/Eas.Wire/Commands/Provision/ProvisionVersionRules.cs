using Eas.Wire.Http;

namespace Eas.Wire.Commands.Provision;

/// <summary>Which Provision elements and values each protocol version uses (MS-ASPROV 2.2.2); the parser and writer ask only here.</summary>
public static class ProvisionVersionRules
{
    /// <summary>The policy type of 2.5 clients: an XML provisioning document in a string Data (MS-ASPROV 2.2.2.43).</summary>
    public const string WapProvisioningXml = "MS-WAP-Provisioning-XML";

    /// <summary>The policy type of 12.0+ clients: an EASProvisionDoc inside a container Data (MS-ASPROV 2.2.2.43).</summary>
    public const string EasProvisioningWbxml = "MS-EAS-Provisioning-WBXML";

    /// <summary>The PolicyType a client of this version must ask for.</summary>
    public static string PolicyTypeFor(ProtocolVersion version) =>
        version >= ProtocolVersion.V120 ? EasProvisioningWbxml : WapProvisioningXml;

    /// <summary>Data as a container holding EASProvisionDoc: 12.0 and later; 2.5 uses a string Data (MS-ASPROV 2.2.2.24.1, 2.2.2.24.2).</summary>
    public static bool UsesProvisionDoc(ProtocolVersion version) => version >= ProtocolVersion.V120;

    /// <summary>settings:DeviceInformation in Provision: 14.1 and later (MS-ASPROV 2.2.2.53).</summary>
    public static bool AllowsDeviceInformation(ProtocolVersion version) => version >= ProtocolVersion.V141;

    /// <summary>AccountOnlyRemoteWipe: 16.1 only (MS-ASPROV 2.2.2.1).</summary>
    public static bool AllowsAccountOnlyRemoteWipe(ProtocolVersion version) => version >= ProtocolVersion.V161;
}
