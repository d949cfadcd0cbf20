using System.Text;
using Eas.Wire.Commands;
using Eas.Wire.Commands.FolderCreate;
using Eas.Wire.Commands.FolderDelete;
using Eas.Wire.Commands.FolderSync;
using Eas.Wire.Commands.FolderUpdate;
using Eas.Wire.Commands.GetItemEstimate;
using Eas.Wire.Commands.MeetingResponse;
using Eas.Wire.Commands.MoveItems;
using Eas.Wire.Commands.Ping;
using Eas.Wire.Commands.Provision;
using Eas.Wire.Commands.SendMail;
using Eas.Wire.Commands.SmartForward;
using Eas.Wire.Commands.SmartReply;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Tests.Commands;

/// <summary>The typed response behind each response document of the corpus, keyed by <c>Command/file</c>.</summary>
internal static partial class ResponseCorpus
{
    public static readonly Dictionary<string, Action<WbxmlWriter, ProtocolVersion>> Writers = Build();

    /// <summary>Parses an XML fragment; the namespaces of the pages it uses are declared for it.</summary>
    public static WbxmlElement Xml(string fragment) => WbxmlXml.Parse(fragment);

    private static Dictionary<string, Action<WbxmlWriter, ProtocolVersion>> Build()
    {
        var writers = new Dictionary<string, Action<WbxmlWriter, ProtocolVersion>>
        {
            ["Ping/response-14.0-changes.xml"] = new PingResponse(PingStatus.ChangesFound) { Folders = ["5", "9"] }.Write,
            ["Ping/response-12.1-interval.xml"] = new PingResponse(PingStatus.InvalidHeartbeatInterval) { HeartbeatInterval = 60 }.Write,
            ["Ping/response-14.1-too-many.xml"] = new PingResponse(PingStatus.TooManyFolders) { MaxFolders = 200 }.Write,
            ["FolderSync/response-14.1-initial.xml"] = new FolderSyncResponse(FolderSyncStatus.Success)
            {
                SyncKey = "1",
                Changes =
                [
                    new FolderSyncAdd("1", "0", "Inbox", FolderType.DefaultInbox),
                    new FolderSyncAdd("2", "0", "Entwürfe", FolderType.DefaultDrafts),
                    new FolderSyncAdd("3", "1", "Receipts & Invoices", FolderType.UserCreatedMail),
                    new FolderSyncAdd("4", "0", "Calendar", FolderType.DefaultCalendar),
                ],
            }.Write,
            ["FolderSync/response-2.5-changes.xml"] = new FolderSyncResponse(FolderSyncStatus.Success)
            {
                SyncKey = "5",
                Changes =
                [
                    new FolderSyncUpdate("3", "0", "Receipts", FolderType.UserCreatedMail),
                    new FolderSyncDelete("7"),
                    new FolderSyncAdd("11", "3", "2025", FolderType.UserCreatedMail),
                ],
            }.Write,
            ["FolderSync/response-14.0-invalid-key.xml"] = new FolderSyncResponse(FolderSyncStatus.InvalidSyncKey).Write,
            ["FolderCreate/response-14.1-success.xml"] = new FolderCreateResponse(FolderCreateStatus.Success) { SyncKey = "4", ServerId = "27" }.Write,
            ["FolderCreate/response-12.0-exists.xml"] = new FolderCreateResponse(FolderCreateStatus.FolderExists).Write,
            ["FolderUpdate/response-14.1-success.xml"] = new FolderUpdateResponse(FolderUpdateStatus.Success) { SyncKey = "5" }.Write,
            ["FolderUpdate/response-12.1-not-found.xml"] = new FolderUpdateResponse(FolderUpdateStatus.FolderNotFound).Write,
            ["FolderDelete/response-14.1-success.xml"] = new FolderDeleteResponse(FolderDeleteStatus.Success) { SyncKey = "6" }.Write,
            ["FolderDelete/response-16.1-special.xml"] = new FolderDeleteResponse(FolderDeleteStatus.SpecialFolder).Write,
            ["MoveItems/response-14.1-mixed.xml"] = new MoveItemsResponse(
            [
                new MoveItemsResult("5:12", MoveItemsStatus.Success) { DstMsgId = "7:1" },
                new MoveItemsResult("5:13", MoveItemsStatus.InvalidSourceCollectionId),
            ]).Write,
            ["MeetingResponse/response-14.1-mixed.xml"] = new MeetingResponseResponse(
            [
                new MeetingResponseResult("5:12", MeetingResponseStatus.Success) { CalendarId = "9:3" },
                new MeetingResponseResult(null, MeetingResponseStatus.InvalidMeetingRequest),
            ]).Write,
            ["MeetingResponse/response-16.1-instance.xml"] = new MeetingResponseResponse(
                [new MeetingResponseResult("5:12", MeetingResponseStatus.Success) { InstanceId = "2026-12-08T09:00:00.000Z" }]).Write,
            ["MoveItems/response-2.5-success.xml"] = new MoveItemsResponse([new MoveItemsResult("1:40", MoveItemsStatus.Success) { DstMsgId = "4:9" }]).Write,
            ["GetItemEstimate/response-14.1-mixed.xml"] = new GetItemEstimateResponse
            {
                Results =
                [
                    new GetItemEstimateResult(GetItemEstimateStatus.Success, "5") { Estimate = 17, Class = "Email" },
                    new GetItemEstimateResult(GetItemEstimateStatus.InvalidSyncKey, "RI"),
                ],
            }.Write,
            ["GetItemEstimate/response-12.1-class.xml"] = new GetItemEstimateResponse
            {
                Results = [new GetItemEstimateResult(GetItemEstimateStatus.Success, "5") { Estimate = 3, Class = "Email" }],
            }.Write,
            ["Provision/response-14.1-policy.xml"] = new ProvisionResponse(ProvisionStatus.Success)
            {
                DeviceInformationStatus = Eas.Wire.Commands.Settings.SettingsStatus.Success,
                Policy = new ProvisionPolicyResponse(ProvisionVersionRules.EasProvisioningWbxml, PolicyStatus.Success)
                {
                    PolicyKey = 3942919513,
                    ProvisionDoc = Xml("""
                        <EASProvisionDoc xmlns="Provision:">
                          <DevicePasswordEnabled>1</DevicePasswordEnabled>
                          <AlphanumericDevicePasswordRequired>0</AlphanumericDevicePasswordRequired>
                          <RequireStorageCardEncryption>0</RequireStorageCardEncryption>
                          <MinDevicePasswordLength>6</MinDevicePasswordLength>
                          <MaxInactivityTimeDeviceLock>900</MaxInactivityTimeDeviceLock>
                          <MaxDevicePasswordFailedAttempts>10</MaxDevicePasswordFailedAttempts>
                          <AllowSimpleDevicePassword>0</AllowSimpleDevicePassword>
                          <AllowHTMLEmail>1</AllowHTMLEmail>
                          <MaxEmailAgeFilter>0</MaxEmailAgeFilter>
                        </EASProvisionDoc>
                        """),
                },
            }.Write,
            ["Provision/response-2.5-wap.xml"] = new ProvisionResponse(ProvisionStatus.Success)
            {
                Policy = new ProvisionPolicyResponse(ProvisionVersionRules.WapProvisioningXml, PolicyStatus.Success)
                {
                    PolicyKey = 1,
                    WapProvisioningDoc = "<wap-provisioningdoc><characteristic type=\"SecurityPolicy\"><parm name=\"4131\" value=\"0\"/></characteristic></wap-provisioningdoc>",
                },
            }.Write,
            ["Provision/response-12.0-wipe.xml"] = new ProvisionResponse(ProvisionStatus.Success) { RemoteWipe = true }.Write,
            ["SendMail/response-14.0-failed.xml"] = new SendMailResponse(CommonStatus.MailSubmissionFailed).Write,
            ["SendMail/response-16.1-duplicate.xml"] = new SendMailResponse(CommonStatus.MessagePreviouslySent).Write,
            ["SmartReply/response-14.1-reply-failed.xml"] = new SmartReplyResponse(CommonStatus.MessageReplyFailed).Write,
            ["SmartReply/response-16.0-not-found.xml"] = new SmartReplyResponse(CommonStatus.ItemNotFound).Write,
            ["SmartForward/response-14.1-invalid-mime.xml"] = new SmartForwardResponse(CommonStatus.InvalidMIME).Write,
            ["SmartForward/response-16.1-server-error.xml"] = new SmartForwardResponse(CommonStatus.ServerError).Write,
        };
        AddSync(writers);
        AddItemOperations(writers);
        AddSettings(writers);
        AddResolveRecipients(writers);
        AddSearch(writers);
        return writers;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
