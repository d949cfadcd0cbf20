using Eas.Wire.Http;

namespace Eas.Wire.Commands.Settings;

/// <summary>Which Settings elements each protocol version allows (MS-ASCMD 2.2.1.18); the parser and writer ask only here.</summary>
public static class SettingsVersionRules
{
    /// <summary>The Settings command itself: 12.0 and later (MS-ASCMD 2.2.1.18); 2.5 has no Settings.</summary>
    public static bool AllowsCommand(ProtocolVersion version) => version >= ProtocolVersion.V120;

    /// <summary>EnableOutboundSMS and MobileOperator in DeviceInformation/Set: 14.0 and later (MS-ASCMD 2.2.3.60, 2.2.3.113).</summary>
    public static bool AllowsSmsDeviceInformation(ProtocolVersion version) => version >= ProtocolVersion.V140;

    /// <summary>RightsManagementInformation: 14.1 and later (MS-ASCMD 2.2.3.156).</summary>
    public static bool AllowsRightsManagementInformation(ProtocolVersion version) => version >= ProtocolVersion.V141;

    /// <summary>
    /// The Accounts form of a UserInformation/Get response (Account, AccountId, AccountName,
    /// UserDisplayName, SendDisabled, PrimarySmtpAddress): 14.1 and later; earlier versions get a flat
    /// EmailAddresses list (MS-ASCMD 2.2.3.5, 2.2.3.2).
    /// </summary>
    public static bool AllowsAccounts(ProtocolVersion version) => version >= ProtocolVersion.V141;
}
