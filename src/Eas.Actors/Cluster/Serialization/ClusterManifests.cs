using System.Collections.Frozen;
using Akka.Actor;
using Eas.Actors.Accounts;
using Eas.Actors.Devices;
using Eas.Actors.Licensing;

namespace Eas.Actors.Cluster.Serialization;

/// <summary>
/// Every message that can cross between nodes, with the manifest it travels under: what the HTTP edge asks of an
/// account entity through the shard region (and its replies), what gates and admins ask the license and directory
/// singletons through their proxies, what the directory publishes to every node, and the failures that answer an
/// ask. Messages that stay inside an account entity (mailbox work, watch requests, a child's idle notices) are not
/// here: a device reaches its siblings through its own entity, so they stay on the node, and they could not make
/// the trip anyway (a mailbox work item is a function). One that tried would fail on the sending node, named.
/// </summary>
/// <remarks>
/// <para>
/// A manifest is a contract between the nodes of one cluster, which during a rolling upgrade run two versions: a
/// message may evolve compatibly under its manifest (a property added with a default); an incompatible shape gets a
/// new manifest (<c>.v2</c>), and the old one stays readable until no node writes it.
/// </para>
/// <para>
/// Replies that are also persisted (<see cref="DirectoryState"/>, <see cref="AdminActionRecorded"/>) are not here:
/// they are <see cref="Persistence.Journal.IPersistedMessage"/>s, bound to the journal's serializer under their journal
/// manifests, and cross between nodes that way. A type can have only one serializer, and the journal's rows must
/// keep theirs.
/// </para>
/// </remarks>
public static class ClusterManifests
{
    public const string Envelope = "account-envelope.v1";
    public const string ExecuteDeviceCommand = "device.execute.v1";
    public const string AbandonRequest = "device.abandon.v1";
    public const string GetDeviceState = "device.get-state.v1";
    public const string DeviceStateReply = "device.state.v1";
    public const string RespondWith = "outcome.respond.v1";
    public const string RespondWithContent = "outcome.content.v1";
    public const string ProvisioningRequired = "outcome.provisioning-required.v1";
    public const string AccessRefused = "outcome.access-refused.v1";
    public const string RespondHttpStatus = "outcome.http-status.v1";
    public const string RespondEmpty = "outcome.empty.v1";
    public const string CommandNotImplemented = "outcome.not-implemented.v1";
    public const string AttachmentNotFound = "outcome.attachment-not-found.v1";
    public const string Throttled = "outcome.throttled.v1";
    public const string UserAgentRefused = "outcome.user-agent-refused.v1";
    public const string AdmitAccount = "account.admit.v1";
    public const string ForgetDevice = "device.forget.v1";
    public const string RequestRemoteWipe = "device.request-remote-wipe.v1";
    public const string CancelRemoteWipe = "device.cancel-remote-wipe.v1";
    public const string RemoteWipeResult = "device.remote-wipe-result.v1";
    public const string RemovePartnership = "device.remove-partnership.v1";
    public const string PartnershipRemoved = "device.partnership-removed.v1";
    public const string DeviceWiped = "outcome.device-wiped.v1";
    public const string DeviceAccessDenied = "outcome.device-access-denied.v1";
    public const string SetDeviceAccess = "device.set-access.v1";
    public const string DeviceAccessResult = "device.access-result.v1";
    public const string RemoveAccountDevice = "account.remove-device.v1";
    public const string AccountAccess = "account.access.v1";
    public const string GetAccount = "account.get.v1";
    public const string AccountView = "account.view.v1";
    public const string ChangeAccount = "account.change.v1";
    public const string ClaimSlot = "license.claim.v1";
    public const string SlotHeld = "license.slot-held.v1";
    public const string NoSlotFree = "license.no-slot-free.v1";
    public const string LicenseExpired = "license.expired.v1";
    public const string ReleaseSlot = "license.release.v1";
    public const string SlotReleaseResult = "license.release-result.v1";
    public const string GetLicenseStatus = "license.get-status.v1";
    public const string LicenseStatus = "license.status.v1";
    public const string GetDirectory = "directory.get.v1";
    public const string ChangeDirectory = "directory.change.v1";
    public const string RecordAdminAction = "directory.record-admin-action.v1";
    public const string DirectoryPublished = "directory.published.v1";
    public const string NoteDeviceLists = "device-lists.note.v1";
    public const string GetDeviceLists = "device-lists.get.v1";
    public const string DeviceListsReply = "device-lists.reply.v1";
    public const string MailboxChangesReported = "mailbox.changes-reported.v1";

    /// <summary>An <see cref="Status.Failure"/>: a failed ask's answer (<see cref="ClusterFailure"/>).</summary>
    public const string Failure = "failure.v1";

    /// <summary>The table the serializer writes and reads by.</summary>
    internal static CodecTable Messages { get; } = new(
        "cluster messages",
        new JsonCodec<AccountEnvelope>(Envelope),
        new JsonCodec<ExecuteDeviceCommand>(ExecuteDeviceCommand),
        new JsonCodec<AbandonRequest>(AbandonRequest),
        new JsonCodec<GetDeviceState>(GetDeviceState),
        new JsonCodec<DeviceStateReply>(DeviceStateReply),
        new JsonCodec<RespondWith>(RespondWith),
        new SurrogateCodec<RespondWithContent, ContentOutcome>(RespondWithContent, ContentOutcome.From, wire => wire.ToOutcome()),
        new JsonCodec<ProvisioningRequired>(ProvisioningRequired),
        new JsonCodec<AccessRefused>(AccessRefused),
        new JsonCodec<RespondHttpStatus>(RespondHttpStatus),
        new JsonCodec<RespondEmpty>(RespondEmpty),
        new JsonCodec<CommandNotImplemented>(CommandNotImplemented),
        new JsonCodec<AttachmentNotFound>(AttachmentNotFound),
        new JsonCodec<Throttled>(Throttled),
        new JsonCodec<UserAgentRefused>(UserAgentRefused),
        new JsonCodec<AdmitAccount>(AdmitAccount),
        new JsonCodec<ForgetDevice>(ForgetDevice),
        new JsonCodec<RequestRemoteWipe>(RequestRemoteWipe),
        new JsonCodec<CancelRemoteWipe>(CancelRemoteWipe),
        new JsonCodec<RemoteWipeResult>(RemoteWipeResult),
        new JsonCodec<RemovePartnership>(RemovePartnership),
        new JsonCodec<PartnershipRemoved>(PartnershipRemoved),
        new JsonCodec<DeviceWiped>(DeviceWiped),
        new JsonCodec<DeviceAccessDenied>(DeviceAccessDenied),
        new JsonCodec<Devices.Access.SetDeviceAccess>(SetDeviceAccess),
        new JsonCodec<Devices.Access.DeviceAccessResult>(DeviceAccessResult),
        new JsonCodec<RemoveAccountDevice>(RemoveAccountDevice),
        new JsonCodec<AccountAccess>(AccountAccess),
        new JsonCodec<GetAccount>(GetAccount),
        new JsonCodec<AccountView>(AccountView),
        new JsonCodec<ChangeAccount>(ChangeAccount),
        new JsonCodec<ClaimSlot>(ClaimSlot),
        new JsonCodec<SlotHeld>(SlotHeld),
        new JsonCodec<NoSlotFree>(NoSlotFree),
        new JsonCodec<LicenseExpired>(LicenseExpired),
        new JsonCodec<ReleaseSlot>(ReleaseSlot),
        new JsonCodec<SlotReleaseResult>(SlotReleaseResult),
        new JsonCodec<GetLicenseStatus>(GetLicenseStatus),
        new JsonCodec<LicenseStatus>(LicenseStatus),
        new JsonCodec<GetDirectory>(GetDirectory),
        new JsonCodec<ChangeDirectory>(ChangeDirectory),
        new JsonCodec<RecordAdminAction>(RecordAdminAction),
        new JsonCodec<DirectoryPublished>(DirectoryPublished),
        new JsonCodec<Devices.Lists.NoteDeviceLists>(NoteDeviceLists),
        new JsonCodec<Devices.Lists.GetDeviceLists>(GetDeviceLists),
        new JsonCodec<Devices.Lists.DeviceListsReply>(DeviceListsReply),
        new JsonCodec<Mailboxes.MailboxChangesReported>(MailboxChangesReported),
        new SurrogateCodec<Status.Failure, ClusterFailure>(Failure, (failure, _) => ClusterFailure.From(failure.Cause), wire => new Status.Failure(wire.ToException())));

    /// <summary>Every type that crosses between nodes with its manifest: <see cref="Messages"/>, for reading.</summary>
    public static IReadOnlyDictionary<Type, string> ByType { get; } = Messages.Codecs.ToFrozenDictionary(c => c.Type, c => c.Manifest);
}
