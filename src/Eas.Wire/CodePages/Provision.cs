namespace Eas.Wire.CodePages;

/// <summary>Code page 14, Provision (MS-ASWBXML 2.1.2.1.15).</summary>
public static class Provision
{
    public const byte PageNumber = 14;
    public const string Namespace = "Provision";

    /// <summary>The spec's <c>Provision</c> tag, renamed because C# forbids a member named like its class.</summary>
    [SpecName("Provision")]
    public const ushort ProvisionElement = 0x0E05;
    public const ushort Policies = 0x0E06;
    public const ushort Policy = 0x0E07;
    public const ushort PolicyType = 0x0E08;
    public const ushort PolicyKey = 0x0E09;
    public const ushort Data = 0x0E0A;
    public const ushort Status = 0x0E0B;
    public const ushort RemoteWipe = 0x0E0C;
    public const ushort EASProvisionDoc = 0x0E0D;
    public const ushort DevicePasswordEnabled = 0x0E0E;
    public const ushort AlphanumericDevicePasswordRequired = 0x0E0F;
    public const ushort RequireStorageCardEncryption = 0x0E10;
    public const ushort PasswordRecoveryEnabled = 0x0E11;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort DocumentBrowseEnabled = 0x0E12;
    public const ushort AttachmentsEnabled = 0x0E13;
    public const ushort MinDevicePasswordLength = 0x0E14;
    public const ushort MaxInactivityTimeDeviceLock = 0x0E15;
    public const ushort MaxDevicePasswordFailedAttempts = 0x0E16;
    public const ushort MaxAttachmentSize = 0x0E17;
    public const ushort AllowSimpleDevicePassword = 0x0E18;
    public const ushort DevicePasswordExpiration = 0x0E19;
    public const ushort DevicePasswordHistory = 0x0E1A;
    public const ushort AllowStorageCard = 0x0E1B;
    public const ushort AllowCamera = 0x0E1C;
    public const ushort RequireDeviceEncryption = 0x0E1D;
    public const ushort AllowUnsignedApplications = 0x0E1E;
    public const ushort AllowUnsignedInstallationPackages = 0x0E1F;
    public const ushort MinDevicePasswordComplexCharacters = 0x0E20;
    public const ushort AllowWiFi = 0x0E21;
    public const ushort AllowTextMessaging = 0x0E22;
    public const ushort AllowPOPIMAPEmail = 0x0E23;
    public const ushort AllowBluetooth = 0x0E24;
    public const ushort AllowIrDA = 0x0E25;
    public const ushort RequireManualSyncWhenRoaming = 0x0E26;
    public const ushort AllowDesktopSync = 0x0E27;
    public const ushort MaxCalendarAgeFilter = 0x0E28;
    public const ushort AllowHTMLEmail = 0x0E29;
    public const ushort MaxEmailAgeFilter = 0x0E2A;
    public const ushort MaxEmailBodyTruncationSize = 0x0E2B;
    public const ushort MaxEmailHTMLBodyTruncationSize = 0x0E2C;
    public const ushort RequireSignedSMIMEMessages = 0x0E2D;
    public const ushort RequireEncryptedSMIMEMessages = 0x0E2E;
    public const ushort RequireSignedSMIMEAlgorithm = 0x0E2F;
    public const ushort RequireEncryptionSMIMEAlgorithm = 0x0E30;
    public const ushort AllowSMIMEEncryptionAlgorithmNegotiation = 0x0E31;
    public const ushort AllowSMIMESoftCerts = 0x0E32;
    public const ushort AllowBrowser = 0x0E33;
    public const ushort AllowConsumerEmail = 0x0E34;
    public const ushort AllowRemoteDesktop = 0x0E35;
    public const ushort AllowInternetSharing = 0x0E36;
    public const ushort UnapprovedInROMApplicationList = 0x0E37;
    public const ushort ApplicationName = 0x0E38;
    public const ushort ApprovedApplicationList = 0x0E39;
    public const ushort Hash = 0x0E3A;
    public const ushort AccountOnlyRemoteWipe = 0x0E3B;
}
