using static Eas.Integration.Tests.Support.Schema.Schema;
using ProvisionPage = Eas.Wire.CodePages.Provision;
using SettingsPage = Eas.Wire.CodePages.Settings;

namespace Eas.Integration.Tests.Support.Schema;

/// <summary>
/// The Provision response (MS-ASPROV 2.2.2, schema 6.2): settings:DeviceInformation, Status, Policies (one
/// Policy of PolicyType, Status, PolicyKey, Data), RemoteWipe, and AccountOnlyRemoteWipe of 16.1 (MS-ASPROV
/// 2.2.2.1, not in the schema; taken after RemoteWipe). Data holds an EASProvisionDoc, or for 2.5 the
/// wap-provisioningdoc as a string (MS-ASPROV 2.2.2.23). EASProvisionDoc's policies come in the schema's order.
/// </summary>
internal static class ProvisionResponseSchema
{
    private static readonly SchemaElement ProvisionDoc = Node(ProvisionPage.EASProvisionDoc, Sequence([
        .. OptionalValues(
            ProvisionPage.DevicePasswordEnabled, ProvisionPage.AlphanumericDevicePasswordRequired, ProvisionPage.PasswordRecoveryEnabled,
            ProvisionPage.RequireStorageCardEncryption, ProvisionPage.AttachmentsEnabled, ProvisionPage.MinDevicePasswordLength,
            ProvisionPage.MaxInactivityTimeDeviceLock, ProvisionPage.MaxDevicePasswordFailedAttempts, ProvisionPage.MaxAttachmentSize,
            ProvisionPage.AllowSimpleDevicePassword, ProvisionPage.DevicePasswordExpiration, ProvisionPage.DevicePasswordHistory,
            ProvisionPage.AllowStorageCard, ProvisionPage.AllowCamera, ProvisionPage.RequireDeviceEncryption,
            ProvisionPage.AllowUnsignedApplications, ProvisionPage.AllowUnsignedInstallationPackages,
            ProvisionPage.MinDevicePasswordComplexCharacters, ProvisionPage.AllowWiFi, ProvisionPage.AllowTextMessaging,
            ProvisionPage.AllowPOPIMAPEmail, ProvisionPage.AllowBluetooth, ProvisionPage.AllowIrDA, ProvisionPage.RequireManualSyncWhenRoaming,
            ProvisionPage.AllowDesktopSync, ProvisionPage.MaxCalendarAgeFilter, ProvisionPage.AllowHTMLEmail, ProvisionPage.MaxEmailAgeFilter,
            ProvisionPage.MaxEmailBodyTruncationSize, ProvisionPage.MaxEmailHTMLBodyTruncationSize, ProvisionPage.RequireSignedSMIMEMessages,
            ProvisionPage.RequireEncryptedSMIMEMessages, ProvisionPage.RequireSignedSMIMEAlgorithm, ProvisionPage.RequireEncryptionSMIMEAlgorithm,
            ProvisionPage.AllowSMIMEEncryptionAlgorithmNegotiation, ProvisionPage.AllowSMIMESoftCerts, ProvisionPage.AllowBrowser,
            ProvisionPage.AllowConsumerEmail, ProvisionPage.AllowRemoteDesktop, ProvisionPage.AllowInternetSharing),
        Node(ProvisionPage.UnapprovedInROMApplicationList, Value(ProvisionPage.ApplicationName).Optional().Many()).Optional(),
        Node(ProvisionPage.ApprovedApplicationList, Value(ProvisionPage.Hash).Optional().Many()).Optional(),
    ]));

    public static readonly SchemaElement Root = Node(ProvisionPage.ProvisionElement,
        Node(SettingsPage.DeviceInformation, All(Value(SettingsPage.Status).Optional())).Optional(),
        Value(ProvisionPage.Status),
        Node(ProvisionPage.Policies,
            Node(ProvisionPage.Policy,
                Value(ProvisionPage.PolicyType),
                Value(ProvisionPage.Status),
                Value(ProvisionPage.PolicyKey).Optional(),
                new SchemaElement(ProvisionPage.Data, SchemaContent.ValueOrElements, Sequence(ProvisionDoc)).Optional())).Optional(),
        Value(ProvisionPage.RemoteWipe).Optional(),
        Value(ProvisionPage.AccountOnlyRemoteWipe).Optional());
}
