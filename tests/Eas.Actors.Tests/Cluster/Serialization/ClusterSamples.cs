using System.Collections.Immutable;
using System.Text.Json;
using Akka.Actor;
using Eas.Actors.Accounts;
using Eas.Actors.Cluster;
using Eas.Actors.Devices;
using Eas.Actors.Licensing;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Hierarchy;
using Eas.Wire.Commands.FolderCreate;
using Eas.Wire.Commands.FolderDelete;
using Eas.Wire.Commands.FolderSync;
using Eas.Wire.Commands.FolderUpdate;
using Eas.Wire.Commands.GetItemEstimate;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Commands.MoveItems;
using Eas.Wire.Commands.Ping;
using Eas.Wire.Commands.Provision;
using Eas.Wire.Commands.SendMail;
using Eas.Wire.Commands.Settings;
using Eas.Wire.Commands.SmartForward;
using Eas.Wire.Commands.SmartReply;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using Eas.Wire.Tests.Commands;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Tests.Cluster.Serialization;

/// <summary>Messages as the server sends them between nodes, with every property set that can be.</summary>
internal static class ClusterSamples
{
    public static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.FromHours(1));

    public static readonly MailCredentials Credentials = new("Mike@ox.io", "s3cret-Pa55");

    /// <summary>Each command's decoder, as the edge's catalog has it.</summary>
    public static readonly Dictionary<string, Func<WbxmlElement, ProtocolVersion, object>> Parsers = new()
    {
        ["Provision"] = ProvisionRequest.Parse,
        ["Settings"] = SettingsRequest.Parse,
        ["FolderSync"] = FolderSyncRequest.Parse,
        ["FolderCreate"] = FolderCreateRequest.Parse,
        ["FolderUpdate"] = FolderUpdateRequest.Parse,
        ["FolderDelete"] = FolderDeleteRequest.Parse,
        ["Sync"] = SyncRequest.Parse,
        ["GetItemEstimate"] = GetItemEstimateRequest.Parse,
        ["Ping"] = PingRequest.Parse,
        ["ItemOperations"] = ItemOperationsRequest.Parse,
        ["MoveItems"] = MoveItemsRequest.Parse,
        ["ResolveRecipients"] = Eas.Wire.Commands.ResolveRecipients.ResolveRecipientsRequest.Parse,
        ["SendMail"] = SendMailRequest.Parse,
        ["SmartReply"] = SmartReplyRequest.Parse,
        ["SmartForward"] = SmartForwardRequest.Parse,
        ["Search"] = Eas.Wire.Commands.Search.SearchRequest.Parse,
        ["MeetingResponse"] = Eas.Wire.Commands.MeetingResponse.MeetingResponseRequest.Parse,
    };

    /// <summary>Features that differ from the default in every switch and source.</summary>
    public static readonly EffectiveFeatures Features = new(
        new(true, SettingSource.Domain), new(false, SettingSource.Account), new(true, SettingSource.Class), new(false, SettingSource.License));

    /// <summary>Every request document of the Wire corpus.</summary>
    public static IEnumerable<CorpusDocument> RequestDocuments => CommandCorpus.All.Where(d => d.IsRequest);

    /// <summary>A request line with every field set.</summary>
    public static EasRequestLine Line(EasCommand command, ProtocolVersion version) => new()
    {
        Command = command,
        User = @"OX\mike",
        DeviceId = "ApplF17XK2QJ",
        DeviceType = "iPhone",
        ProtocolVersion = version,
        PolicyKey = 3942919513,
        Locale = 1031,
        AttachmentName = "5:12:2",
        CollectionId = "5",
        CollectionName = "Inbox",
        ItemId = "5:12",
        LongId = "RgAAAAD",
        ParentId = "0",
        Occurrence = "2026-12-06T11:00:00.000Z",
        SaveInSent = true,
        AcceptMultiPart = true,
        UserAgent = "Apple-iPhone15C2/2201.123",
        Encoding = EasQueryEncoding.Base64,
    };

    /// <summary>The device request the edge builds for a corpus document.</summary>
    public static DeviceRequest Request(CorpusDocument document) =>
        Request(Enum.Parse<EasCommand>(document.Command), document.Version, Parsers[document.Command](document.Tree(), document.Version));

    public static DeviceRequest Request(EasCommand command, ProtocolVersion version, object? body) =>
        new DeviceRequest("mike@ox.io", "mike@ox.io", Line(command, version), body)
        {
            Implemented = true,
            Resumed = true,
            Credentials = Credentials,
            Features = Features,
        };

    public static AccountEnvelope Envelope(object message) => new("mike@ox.io", AccountChild.Device("ApplF17XK2QJ"), message);

    public static DeviceState DeviceState => DeviceState.New("mike@ox.io", "applf17xk2qj") with
    {
        DeviceType = "iPhone",
        ProtocolVersion = "16.1",
        UserAgent = "Apple-iPhone15C2/2201.123",
        PolicyKey = 3942919513,
        PolicyFingerprint = "f00d",
        PendingPolicyKey = 17,
        PendingPolicyFingerprint = "beef",
        AcknowledgedTemporaryKey = 4,
        PolicyApplyStatus = 1,
        ProvisionedAt = Noon,
        Information = new Eas.Actors.Devices.DeviceInformation { Model = "iPhone15,2", FriendlyName = "Mike's phone", EnableOutboundSms = false },
        FirstSeen = Noon.AddDays(-3),
        LastSeen = Noon,
        IssuedKeys = [4, 3942919513],
        SentMessages = ["client-1"],
        Hierarchy = new HierarchySyncState
        {
            Epoch = "a1b2c3d4",
            Counter = 3,
            Known = ImmutableSortedDictionary<string, FolderView>.Empty.Add("5", new FolderView("5", "0", "Inbox", FolderType.DefaultInbox)),
            PreviousCounter = 2,
        },
        Ping = new PingParameters(480, ["5", "9"]),
    };

    public static DirectoryState Directory => DirectoryState.Default with
    {
        ServiceEnabled = false,
        ServiceDefaults = new FeatureSettings(Email: true),
        Domains = ImmutableSortedDictionary<string, FeatureSettings>.Empty.Add("ox.io", new FeatureSettings(Pim: false)),
        Classes = ImmutableSortedDictionary<string, FeatureSettings>.Empty.Add("gold", new FeatureSettings(true, true, true, true)),
    };

    /// <summary>One message of each type of the cluster table, but for the two whose payload is not a record (content, failure).</summary>
    public static IEnumerable<object> RecordMessages()
    {
        var sync = Request(RequestDocuments.First(d => d.Command == "Sync"));
        yield return Envelope(new ExecuteDeviceCommand(sync, Guid.NewGuid()));
        yield return new ExecuteDeviceCommand(sync, Guid.NewGuid());
        yield return new AbandonRequest(Guid.NewGuid());
        yield return Envelope(new MailboxChangesReported(["INBOX", "Lists/dovecot-ü"], Noon)) with { Child = AccountChild.Mailbox };
        yield return new MailboxChangesReported(["INBOX"], Noon);
        yield return GetDeviceState.Instance;
        yield return new DeviceStateReply(DeviceState);
        yield return new DeviceStateReply(null);
        yield return new DeviceStateReply(DeviceState) { Loop = new LoopReport("Ping re-parked 10 times in a row, each within a tenth of its 900 s heartbeat", Noon) };
        yield return new RespondWith(new PingResponse(PingStatus.ChangesFound) { Folders = ["5", "9"] });
        yield return new ProvisioningRequired(PolicyVerdict.NotProvisioned);
        yield return new AccessRefused(AccessRefusal.NoLicenseSlot);
        yield return new RespondHttpStatus(503);
        yield return new RespondEmpty();
        yield return new Throttled(ThrottleConditions.CommandFrequency, "pings", TimeSpan.FromSeconds(10));
        yield return new CommandNotImplemented();
        yield return new AttachmentNotFound();
        yield return Envelope(AdmitAccount.Instance) with { Child = AccountChild.Gate };
        yield return AdmitAccount.Instance;
        yield return new AdmitAccount("OutlookA");
        yield return ForgetDevice.Instance;
        yield return new RequestRemoteWipe(true, "admin:root");
        yield return new CancelRemoteWipe("admin:root");
        yield return new RemoteWipeResult(null, DeviceState with { RemoteWipe = new RemoteWipeState(false, Noon, "admin:root") { AcknowledgedAt = Noon.AddMinutes(2), Status = Wire.Commands.Provision.RemoteWipeAcknowledgement.Succeeded } });
        yield return new RemoteWipeResult(RemoteWipeRefusal.AccountOnlyNeeds161, DeviceState);
        yield return RemovePartnership.Instance;
        yield return new PartnershipRemoved(DeviceState);
        yield return new PartnershipRemoved(null);
        yield return new DeviceWiped();
        yield return new DeviceAccessDenied(global::Eas.Actors.Devices.Access.DeviceAccessLevel.Quarantine);
        yield return new global::Eas.Actors.Devices.Access.SetDeviceAccess(global::Eas.Actors.Devices.Access.DeviceAccessLevel.Allow, "admin:root");
        yield return new global::Eas.Actors.Devices.Access.SetDeviceAccess(null, "admin:root");
        yield return new global::Eas.Actors.Devices.Access.DeviceAccessResult(null);
        yield return new global::Eas.Actors.Devices.Access.DeviceAccessResult(DeviceState with
        {
            AccessDecision = global::Eas.Actors.Devices.Access.DeviceAccessLevel.Block,
            Access = new global::Eas.Actors.Devices.Access.DeviceAccessVerdict(global::Eas.Actors.Devices.Access.DeviceAccessLevel.Quarantine, global::Eas.Actors.Devices.Access.DeviceAccessSource.Domain,
                new global::Eas.Actors.Devices.Access.DeviceAccessRule(global::Eas.Actors.Devices.Access.DeviceCharacteristic.OperatingSystem, "iOS 17*", global::Eas.Actors.Devices.Access.DeviceAccessLevel.Quarantine)),
            QuarantineNoticeAt = Noon,
            QuarantineAdminNoticeAt = Noon,
        });
        yield return new AccountAccess(Features, null) { AccountClass = "gold" };
        yield return new ProvisioningRequired(PolicyVerdict.RemoteWipeRequested);
        yield return new RemoveAccountDevice("outlook-a", Noon, "admin:root");
        yield return new UserAgentRefused(Noon.AddHours(14), TimeSpan.FromHours(14));
        yield return new AccountAccess(Features, AccessRefusal.DisabledForClass);
        yield return GetAccount.Instance;
        yield return new AccountView("mike@ox.io", AccountSettings.Default with { Class = "gold", Features = new FeatureSettings(Email: false), DisabledByLicense = true }, Features, true, Noon);
        yield return new ChangeAccount("gold", new FeatureSettings(ActiveSync: true, Contacts: false), "admin");
        yield return new ClaimSlot("mike@ox.io");
        yield return new SlotHeld(Noon.AddDays(30));
        yield return new NoSlotFree();
        yield return new LicenseExpired(Noon);
        yield return new ReleaseSlot("mike@ox.io", "admin");
        yield return new SlotReleaseResult(true);
        yield return GetLicenseStatus.Instance;
        yield return new LicenseStatus("trial", 25, 2, true, Noon.AddDays(-10), Noon.AddDays(20), 19.5, false,
            [new SlotHolder("mike@ox.io", Noon), new SlotHolder("anna@ox.io", Noon.AddHours(1))], [new TurnedOffAccount("late@ox.io", Noon.AddHours(2))]);
        yield return GetDirectory.Instance;
        yield return new ChangeDirectory(new SetDomainDefaults("ox.io", new FeatureSettings(Pim: false)), "admin");
        yield return new ChangeDirectory(new SetAccountClass("gold", null), "admin");
        yield return new ChangeDirectory(new SetServiceEnabled(false), "admin");
        yield return new ChangeDirectory(new SetServiceDefaults(FeatureSettings.Inherit), "admin");
        yield return new RecordAdminAction("diagnostics.trace", JsonDocument.Parse("""{"user":"mike@ox.io","on":true}""").RootElement, "admin");
        yield return new DirectoryPublished(Directory);
        yield return new Eas.Actors.Devices.Lists.NoteDeviceLists("mike@ox.io", "Phone1", Eas.Actors.Tests.Devices.Lists.DeviceListSamples.Quarantined("mike@ox.io", "Phone1"));
        yield return new Eas.Actors.Devices.Lists.NoteDeviceLists("mike@ox.io", "Phone1", null);
        yield return Eas.Actors.Devices.Lists.GetDeviceLists.Instance;
        yield return new Eas.Actors.Devices.Lists.DeviceListsReply([Eas.Actors.Tests.Devices.Lists.DeviceListSamples.Quarantined("mike@ox.io", "Phone1"), Eas.Actors.Tests.Devices.Lists.DeviceListSamples.WipePending("anna@ox.io", "Phone2")]);
    }

    /// <summary>A failure as a device answers an ask with it.</summary>
    public static Status.Failure Failure(Exception cause) => new(cause);
}
