using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Commands.Settings;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Tests.Commands;

internal static partial class ResponseCorpus
{
    private static void AddItemOperations(Dictionary<string, Action<WbxmlWriter, ProtocolVersion>> writers)
    {
        writers["ItemOperations/response-14.1-mixed.xml"] = new ItemOperationsResponse(ItemOperationsStatus.Success)
        {
            Results =
            [
                new ItemOperationsFetchResult(ItemOperationsStatus.Success)
                {
                    CollectionId = "5",
                    ServerId = "5:9",
                    Class = "Email",
                    Properties = Xml("""
                        <Properties xmlns="ItemOperations:" xmlns:email="Email:" xmlns:airsyncbase="AirSyncBase:">
                          <email:Subject>Quarterly numbers</email:Subject>
                          <airsyncbase:Body>
                            <airsyncbase:Type>2</airsyncbase:Type>
                            <airsyncbase:EstimatedDataSize>16</airsyncbase:EstimatedDataSize>
                            <airsyncbase:Data>&lt;p&gt;Numbers&lt;/p&gt;</airsyncbase:Data>
                          </airsyncbase:Body>
                        </Properties>
                        """),
                },
                new ItemOperationsFetchResult(ItemOperationsStatus.Success)
                {
                    FileReference = "5%3a9%3a0",
                    Properties = Xml("""
                        <Properties xmlns="ItemOperations:" xmlns:airsyncbase="AirSyncBase:">
                          <airsyncbase:ContentType>text/plain</airsyncbase:ContentType>
                          <Range>0-4</Range>
                          <Total>5</Total>
                          <Data>aGVsbG8=</Data>
                        </Properties>
                        """),
                },
                new ItemOperationsEmptyFolderContentsResult(ItemOperationsStatus.Success, "4"),
                new ItemOperationsMoveResult(ItemOperationsStatus.Success, Utf8("BCDEF")),
            ],
        }.Write;
        writers["ItemOperations/response-12.1-not-found.xml"] = new ItemOperationsResponse(ItemOperationsStatus.Success)
        {
            Results = [new ItemOperationsFetchResult(ItemOperationsStatus.ObjectNotFound) { CollectionId = "5", ServerId = "5:99" }],
        }.Write;
        writers["ItemOperations/response-12.0-protocol-error.xml"] = new ItemOperationsResponse(ItemOperationsStatus.ProtocolError).Write;
    }

    private static void AddSettings(Dictionary<string, Action<WbxmlWriter, ProtocolVersion>> writers)
    {
        var accounts = new[]
        {
            new SettingsAccount { UserDisplayName = "Lan Nguyen", PrimarySmtpAddress = "lan@example.org", SmtpAddresses = ["l.nguyen@example.org"] },
            new SettingsAccount
            {
                AccountId = "2", AccountName = "Club", UserDisplayName = "Lan N.", SendDisabled = true, PrimarySmtpAddress = "lan@club.example",
            },
        };
        writers["Settings/response-14.1-all.xml"] = new SettingsResponse(SettingsStatus.Success)
        {
            RightsManagementInformation = new SettingsRightsManagementResult(SettingsStatus.Success)
            {
                Templates = Xml("""
                    <RightsManagementTemplates xmlns="RightsManagement:">
                      <RightsManagementTemplate>
                        <TemplateID>6a8c2f1e-3b4d-4e5f-8a9b-0c1d2e3f4a5b</TemplateID>
                        <TemplateName>Do Not Forward</TemplateName>
                        <TemplateDescription>Recipients can read but not forward.</TemplateDescription>
                      </RightsManagementTemplate>
                    </RightsManagementTemplates>
                    """),
            },
            Oof = new SettingsOofResult(SettingsStatus.Success)
            {
                Get = new OofSettings
                {
                    OofState = OofState.Global,
                    Messages = [new OofMessage(OofAudience.Internal) { Enabled = true, ReplyMessage = "Out this week.", BodyType = "Text" }],
                },
            },
            DeviceInformationStatus = SettingsStatus.Success,
            UserInformation = new SettingsUserInformationResult(SettingsStatus.Success) { Accounts = [.. accounts] },
        }.Write;
        writers["Settings/response-12.1-flat.xml"] = new SettingsResponse(SettingsStatus.Success)
        {
            RightsManagementInformation = new SettingsRightsManagementResult(SettingsStatus.Success),
            Oof = new SettingsOofResult(SettingsStatus.Success),
            DevicePasswordStatus = SettingsStatus.Success,
            UserInformation = new SettingsUserInformationResult(SettingsStatus.Success)
            {
                Accounts = [new SettingsAccount { PrimarySmtpAddress = "lan@example.org", SmtpAddresses = ["l.nguyen@example.org"] }],
            },
        }.Write;
    }
}
