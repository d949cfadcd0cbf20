using System.Collections.Immutable;
using Akka.Persistence;
using Eas.Actors.Accounts;
using System.Security.Cryptography;
using Akka.Actor;
using Eas.Actors.Cluster;
using Eas.Actors.Mailboxes;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Sync.Collections;
using Eas.Wire.Http;

namespace Eas.Actors.Devices;

/// <summary>
/// One phone of one account, a child of its account's sharded entity; a persistent actor whose journal
/// (<see cref="Persistence.PersistenceIds.Device"/>) holds the device's events and its folders' sync states.
/// It decides every command for the device, one at a time: each handler of a request runs through <c>RunTask</c>, so the
/// actor's mailbox stays suspended while a command awaits its mailbox or gate, and Akka stashes what comes in
/// while the command's events are written; the next command starts only when this one has answered. Rules
/// live in <see cref="DeviceDecisions"/> and the command classes; this class only persists, applies and
/// replies. Every change a response reports is in the journal before the reply: a failed write answers 503
/// and the actor restarts from the journal, so the phone can simply retry.
/// </summary>
public sealed partial class DeviceActor : EntityChildActor
{
    private readonly DeviceActorSettings settings;
    private readonly string _entityId;
    private readonly string _accountId;
    private DeviceState? _state;
    private CollectionCache _collections = new(ImmutableDictionary<string, CollectionSyncState>.Empty);
    private readonly RequestBudget _requests;
    private readonly RequestBudget _pings;
    private readonly LoopDetector _loops;

    public DeviceActor(DeviceActorSettings settings, string accountId, string deviceId)
        : base(PersistenceIds.Device(accountId, deviceId), settings.Entity)
    {
        this.settings = settings.AsksThroughEntity
            ? settings with { Mailboxes = settings.Mailboxes?.Through(Context.Parent), Accounts = settings.Accounts?.Through(Context.Parent) }
            : settings;
        _entityId = KeyOf(accountId, deviceId);
        _accountId = accountId;
        _requests = new RequestBudget(settings.Budgets.RequestBurst, settings.Budgets.RequestsPerMinute);
        _pings = new RequestBudget(settings.Budgets.PingBurst, settings.Budgets.PingsPerMinute);
        _loops = new LoopDetector(settings.Loops);
    }

    /// <summary>Props of the device <paramref name="deviceId"/> of <paramref name="accountId"/>.</summary>
    public static Props PropsFor(DeviceActorSettings settings, string accountId, string deviceId) =>
        Props.Create(() => new DeviceActor(settings, accountId, deviceId));

    /// <summary>The device's key in its mailbox's watch list: <c>account/deviceid</c>, lower-cased.</summary>
    public static string KeyOf(string accountId, string deviceId) => $"{accountId}/{deviceId}".ToLowerInvariant();

    private WatchTarget Target => new(_entityId, WatchedBy);

    protected override IPersistedMessage Snapshot() => new DeviceSnapshot(_state, _collections.Saved) { PimCollections = _collections.Pim.Saved };

    protected override void Restore(IPersistedMessage snapshot)
    {
        var device = (DeviceSnapshot)snapshot;
        _state = Shared(device.State);
        _collections = new CollectionCache(device.Collections, device.PimCollections);
    }

    protected override bool Handle(object message)
    {
        switch (message)
        {
            case ExecuteDeviceCommand command:
                RunTask(() => ExecuteSettlingAsync(command));
                return true;
            case GetDeviceState query:
                Sender.Tell(new DeviceStateReply(_state) { Loop = _loops.Current, PingParked = _parked is not null || query.PingHeld });
                return true;
            case ReturnHeldPing returned:
                TakeBack(returned);
                return true;
            case FoldersChanged changed:
                OnFoldersChanged(changed);
                return true;
            case PingHeartbeat heartbeat:
                OnHeartbeat(heartbeat);
                return true;
            case AbandonRequest abandoned:
                OnAbandoned(abandoned);
                return true;
            case ForgetDevice:
                UnlistForgotten();
                Forget();
                return true;
            case RequestRemoteWipe wipe:
                Wipe(RemoteWipeRules.Request(_state, wipe.AccountOnly, wipe.By, settings.Clock.GetUtcNow()));
                return true;
            case CancelRemoteWipe cancel:
                Wipe(RemoteWipeRules.Cancel(_state, cancel.By, settings.Clock.GetUtcNow()));
                return true;
            case Access.SetDeviceAccess order:
                DecideAccess(order);
                return true;
            case RemovePartnership:
                if (_state is null)
                {
                    Sender.Tell(new PartnershipRemoved(null));
                    AfterOrder(endsParked: false, "removed");
                }
                else
                {
                    UnlistForgotten();
                    Forget(Sender, new PartnershipRemoved(_state));
                }

                return true;
            default:
                return false;
        }
    }

    protected override void Apply(IPersistedMessage stored)
    {
        switch (stored)
        {
            case DeviceFirstSeen seen:
                _state = DeviceState.New(seen.AccountId, seen.DeviceId);
                break;
            case HierarchySynced e when _state is not null:
                _state = Shared(DeviceDecisions.Apply(_state, e));
                break;
            case DeviceEvent e when _state is not null:
                _state = DeviceDecisions.Apply(_state, e);
                break;
            case CollectionStateChanged changed:
                _collections.Apply(changed);
                break;
            case CollectionStateAdvanced advanced:
                _collections.Apply(advanced);
                break;
            case PimStateChanged changed:
                _collections.Pim.Apply(changed);
                break;
            case PimStateAdvanced advanced:
                _collections.Pim.Apply(advanced);
                break;
        }
    }

    /// <summary>The state with the folder hierarchy its account's other devices hold, where they hold an equal one (<see cref="SharedHierarchies"/>).</summary>
    private DeviceState? Shared(DeviceState? state) =>
        state?.Hierarchy is { } hierarchy && settings.Hierarchies.Share(hierarchy) is var shared && !ReferenceEquals(shared, hierarchy)
            ? state with { Hierarchy = shared }
            : state;

    private async Task ExecuteAsync(ExecuteDeviceCommand command)
    {
        var replyTo = Sender;
        var request = command.Request;
        var line = request.Line;
        var now = settings.Clock.GetUtcNow();
        if (OverBudget(line.Command, now) is { } throttled)
        {
            // Before anything else: a looping phone costs a token check, not a command (and its parked Ping stays).
            replyTo.Tell(throttled);
            HandBack();
            return;
        }

        Supersede();
        try
        {
            var firstSeen = _state is null ? new DeviceFirstSeen(now, request.AccountId, line.DeviceId) : null;
            var state = _state ?? DeviceState.New(request.AccountId, line.DeviceId);
            var events = DeviceDecisions.Contact(state, line.DeviceType, line.ProtocolVersion.ToString(), line.UserAgent, now);
            var userAgent = UserAgentRules.Decide(state, line.UserAgent, settings.UserAgents, now);
            if (userAgent.BlockedUntil is { } until)
            {
                RefuseUserAgent(replyTo, request, firstSeen, userAgent.Events.IsEmpty ? [] : [.. events, .. userAgent.Events], until, now);
                return;
            }

            _mayBeWatched |= line.Command is EasCommand.Ping or EasCommand.Sync;
            var access = settings.Accounts is { } accounts ? await accounts.AdmitAsync(request.AccountId, line.DeviceId) : AccountAccess.All;
            var admitted = request with { Features = access.Features, ReplyLeavesNode = replyTo.Path.Address.HasGlobalScope };
            var decided = access.Refusal is { } refusal
                ? new Decision(new AccessRefused(refusal), [])
                : await DecideWithAccessAsync(DeviceDecisions.ApplyAll(state, events), admitted, access.AccountClass, now);
            List<IPersistedMessage> toPersist = [.. events, .. decided.Events, .. _collections.TakeStaged()];
            if (firstSeen is not null) toPersist.Insert(0, firstSeen);
            var before = _state;
            PersistThen(toPersist, replyTo, Apply, () =>
            {
                NoteLists(before);
                AuditAcknowledgements(request.AccountId, line.DeviceId, toPersist);
                if (decided.Outcome is ParkPing park) Park(replyTo, command.RequestId, park, request);
                else replyTo.Tell(decided.Outcome);
            });
        }
        catch (Exception e)
        {
            Failed(replyTo, request.AccountId, e);
            if (!IsExpected(e)) throw;
        }
    }

    /// <summary>
    /// A device over its User-Agent changes (MS-ASHTTP 3.2.5.1.1): a block it starts now is written (with the
    /// User-Agent that started it), logged and shown to operators as a looping device before the refusal leaves.
    /// </summary>
    private void RefuseUserAgent(IActorRef replyTo, DeviceRequest request, DeviceFirstSeen? firstSeen, ImmutableArray<DeviceEvent> events, DateTimeOffset until, DateTimeOffset now)
    {
        var refusal = new UserAgentRefused(until, until - now);
        if (events.IsEmpty)
        {
            replyTo.Tell(refusal);
            return;
        }

        if (events.OfType<UserAgentBlocked>().FirstOrDefault() is { } blocked)
        {
            var hours = settings.UserAgents.Window.TotalHours;
            DeviceLog.UserAgentBlocked(settings.Logger, request.AccountId, request.Line.DeviceId, blocked.Changes, hours, until);
            settings.Looping?.Flagged(request.AccountId, request.Line.DeviceId,
                new LoopReport($"User-Agent changed {blocked.Changes} times within {hours:0} h; refused until {until.UtcDateTime:yyyy-MM-dd HH:mm}Z", now));
        }

        List<IPersistedMessage> toPersist = [.. events];
        if (firstSeen is not null) toPersist.Insert(0, firstSeen);
        PersistThen(toPersist, replyTo, Apply, () => replyTo.Tell(refusal));
    }

    /// <summary>
    /// An admin's wipe order or cancellation: written, then answered with the device's state (or the refusal). A wipe
    /// ordered while a request is parked ends it (Status 1, an empty Sync), so the phone's next request gets the wipe
    /// (MS-ASPROV 3.2.5.1.2: Status 140, or HTTP 449 before 14.0) at once instead of after the heartbeat. A refused
    /// order leaves a Ping its entity held parked, and it goes back to the entity (<see cref="AfterOrder"/>).
    /// </summary>
    private void Wipe((RemoteWipeRefusal? Refusal, ImmutableArray<DeviceEvent> Events) decided)
    {
        var replyTo = Sender;
        if (decided.Refusal is { } refusal)
        {
            replyTo.Tell(new RemoteWipeResult(refusal, _state));
            AfterOrder(endsParked: false, "wiped");
            return;
        }

        var before = _state;
        PersistThen(decided.Events, replyTo, Apply, () =>
        {
            NoteLists(before);
            replyTo.Tell(new RemoteWipeResult(null, _state));
            AfterOrder(_state is { } wiped && RemoteWipeRules.GateOf(wiped) == RemoteWipeGate.Pending, "wiped");
        });
    }

    /// <summary>Writes the phone's wipe acknowledgement to the audit log (after it is in the device's journal); told, not asked.</summary>
    private void AuditAcknowledgements(string accountId, string deviceId, IEnumerable<IPersistedMessage> events)
    {
        foreach (var acknowledged in events.OfType<RemoteWipeAcknowledged>())
        {
            settings.Directory?.Record("device.remote_wipe_acknowledged",
                new { account = accountId, device = deviceId, accountOnly = _state?.RemoteWipe?.AccountOnly, status = acknowledged.Status.ToString() }, "device");
        }
    }

    /// <summary>The budget this request is over, if any; a request within both takes from both.</summary>
    private Throttled? OverBudget(EasCommand command, DateTimeOffset now)
    {
        if (command == EasCommand.Ping && _pings.TryTake(now) is { } pingWait) return new Throttled(ThrottleConditions.CommandFrequency, "pings", pingWait);
        return _requests.TryTake(now) is { } wait ? new Throttled(ThrottleConditions.CommandFrequency, "requests", wait) : null;
    }

    /// <summary>A command failed before its events were written: drop what it staged and stop watching for it.</summary>
    private void Failed(IActorRef replyTo, string accountId, Exception error)
    {
        _collections.DropStaged();
        StopWatching(accountId);
        replyTo.Tell(new Status.Failure(error));
    }

    /// <summary>Failures that are the request's answer (retry later), not a defect of this actor: it keeps running.</summary>
    private static bool IsExpected(Exception e) => e is StoreUnavailableException or MailStoreUnavailableException or MailKit.Net.Imap.ImapCommandException or AskTimeoutException;

    private async Task<Decision> DecideAsync(DeviceState state, DeviceRequest request, DevicePolicy policy, DateTimeOffset now)
    {
        var command = request.Line.Command;
        var wipe = RemoteWipeRules.GateOf(state);
        if (wipe == RemoteWipeGate.Wiped) return new Decision(new DeviceWiped(), []);
        if (command == EasCommand.Provision && request.Implemented)
            return ProvisionCommand.Decide(state, request, policy, settings.NewPolicyKey, now);

        if (wipe == RemoteWipeGate.Pending) return new Decision(new ProvisioningRequired(PolicyVerdict.RemoteWipeRequested), []);
        if (policy.Required && NeedsPolicyKey(command))
        {
            var verdict = DeviceDecisions.CheckPolicyKey(state, request.Line.PolicyKey, policy.Fingerprint, policy.AllowNonProvisionableDevices);
            if (verdict != PolicyVerdict.Allowed) return new Decision(new ProvisioningRequired(verdict), []);
        }

        if (!request.Implemented) return new Decision(new CommandNotImplemented(), []);
        return command switch
        {
            EasCommand.Settings => await SettingsCommand.DecideAsync(state, request, settings, now),
            EasCommand.FolderSync => await FolderSyncCommand.DecideAsync(state, request, settings, NewEpoch(), now),
            EasCommand.FolderCreate => await FolderCommands.CreateAsync(state, request, settings, now),
            EasCommand.FolderUpdate => await FolderCommands.UpdateAsync(state, request, settings, now),
            EasCommand.FolderDelete => await FolderCommands.DeleteAsync(state, request, settings, now),
            EasCommand.Ping => await PingCommand.DecideAsync(state, request, settings, _collections, Target, now),
            EasCommand.Sync => await SyncCommand.DecideAsync(request, settings, _collections, NewEpoch, Target, now),
            EasCommand.GetItemEstimate => await GetItemEstimateCommand.DecideAsync(request, settings, _collections, now),
            EasCommand.MoveItems => await MoveItemsCommand.DecideAsync(request, settings, _collections),
            EasCommand.ItemOperations => await ItemOperationsCommand.DecideAsync(request, settings, _collections),
            EasCommand.GetAttachment => await GetAttachmentCommand.DecideAsync(request, settings),
            EasCommand.ResolveRecipients => await ResolveRecipientsCommand.DecideAsync(request, settings),
            EasCommand.Search => await SearchCommand.DecideAsync(request, settings),
            EasCommand.Find => await FindCommand.DecideAsync(request, settings),
            EasCommand.MeetingResponse => await MeetingResponseCommand.DecideAsync(request, settings, _collections.Pim, now),
            EasCommand.SendMail or EasCommand.SmartReply or EasCommand.SmartForward => await ComposeMailCommand.DecideAsync(state, request, settings, settings.Logger, now, _collections),
            _ => throw new NotSupportedException($"The device actor does not handle {command}."),
        };
    }

    /// <summary>
    /// Every command but Provision needs the acknowledged policy key. Settings included: a phone sends its
    /// DeviceInformation "as soon as possible after the client has been provisioned" (MS-ASCMD 3.1.5.2).
    /// </summary>
    private static bool NeedsPolicyKey(EasCommand command) => command != EasCommand.Provision;

    /// <summary>
    /// An order the journal refused (a write rejected, a partnership's removal not deleted) decided nothing: the device
    /// stays as it was, and a Ping the entity gave it for the order goes back.
    /// </summary>
    protected override void JournalRefused() => AfterOrder(endsParked: false, "refused");

    protected override void PostStop()
    {
        if (_parked is not null) Answer(ExpiredAnswer(), "shutdown", unwatch: false);
        if (_state is not null) StopWatching(_state.AccountId, stopping: true);
        base.PostStop();
    }

    /// <summary>A fresh random prefix for sync keys, so keys of an older sync state never match a newer one.</summary>
    private static string NewEpoch() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
}

/// <summary>A command's decision: the reply and the events to persist before it leaves.</summary>
internal sealed record Decision(CommandOutcome Outcome, ImmutableArray<DeviceEvent> Events);

/// <summary>Asks a device for its current state (admin views, tests); answered with <see cref="DeviceStateReply"/>.</summary>
public sealed record GetDeviceState : Cluster.IRoutedToChild
{
    public static readonly GetDeviceState Instance = new();

    /// <summary>Set by the account entity on its way to the device: the entity holds the device's parked Ping (<see cref="Cluster.HeldPings"/>).</summary>
    public bool PingHeld { get; init; }
}

/// <summary>The device's state; null when it was never seen.</summary>
public sealed record DeviceStateReply(DeviceState? State)
{
    /// <summary>Why the device counts as looping, if it does (in memory only, see <see cref="LoopDetector"/>).</summary>
    public LoopReport? Loop { get; init; }

    /// <summary>Whether a Ping or Sync-Wait of the device is parked right now, waiting for a change (in memory only).</summary>
    public bool PingParked { get; init; }
}
