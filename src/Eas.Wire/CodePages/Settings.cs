namespace Eas.Wire.CodePages;

/// <summary>Code page 18, Settings (MS-ASWBXML 2.1.2.1.19).</summary>
public static class Settings
{
    public const byte PageNumber = 18;
    public const string Namespace = "Settings";

    /// <summary>The spec's <c>Settings</c> tag, renamed because C# forbids a member named like its class.</summary>
    [SpecName("Settings")]
    public const ushort SettingsElement = 0x1205;
    public const ushort Status = 0x1206;
    public const ushort Get = 0x1207;
    public const ushort Set = 0x1208;
    public const ushort Oof = 0x1209;
    public const ushort OofState = 0x120A;
    public const ushort StartTime = 0x120B;
    public const ushort EndTime = 0x120C;
    public const ushort OofMessage = 0x120D;
    public const ushort AppliesToInternal = 0x120E;
    public const ushort AppliesToExternalKnown = 0x120F;
    public const ushort AppliesToExternalUnknown = 0x1210;
    public const ushort Enabled = 0x1211;
    public const ushort ReplyMessage = 0x1212;
    public const ushort BodyType = 0x1213;
    public const ushort DevicePassword = 0x1214;
    public const ushort Password = 0x1215;
    public const ushort DeviceInformation = 0x1216;
    public const ushort Model = 0x1217;
    public const ushort IMEI = 0x1218;
    public const ushort FriendlyName = 0x1219;
    public const ushort OS = 0x121A;
    public const ushort OSLanguage = 0x121B;
    public const ushort PhoneNumber = 0x121C;
    public const ushort UserInformation = 0x121D;
    public const ushort EmailAddresses = 0x121E;
    public const ushort SMTPAddress = 0x121F;
    public const ushort UserAgent = 0x1220;
    public const ushort EnableOutboundSMS = 0x1221;
    public const ushort MobileOperator = 0x1222;
    public const ushort PrimarySmtpAddress = 0x1223;
    public const ushort Accounts = 0x1224;
    public const ushort Account = 0x1225;
    public const ushort AccountId = 0x1226;
    public const ushort AccountName = 0x1227;
    public const ushort UserDisplayName = 0x1228;
    public const ushort SendDisabled = 0x1229;
    public const ushort RightsManagementInformation = 0x122B;
}
