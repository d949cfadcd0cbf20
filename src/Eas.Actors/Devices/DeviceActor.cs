using System.Collections.Immutable;
using Eas.Actors.Accounts;
using System.Security.Cryptography;
using Akka.Actor;
using Eas.Actors.Cluster;
using Eas.Actors.Mailboxes;
using Eas.Actors.Persistence;
using Eas.Mail.Imap;
using Eas.Wire.Http;

namespace Eas.Actors.Devices;

/// <summary>
/// One phone of one account (entity id <c>account/deviceid</c>, lower-cased), a child of its account's sharded
/// entity. It holds the device's durable state and decides every command for it, one at a time: each handler
/// is a <c>ReceiveAsync</c>, so the actor's mailbox stays suspended while a command awaits its mailbox or the
/// store, and the next command starts only when this one has replied. Rules live in
/// <see cref="DeviceDecisions"/> and the command classes; this class only loads, persists, applies and replies.
/// Every change a response reports is on disk before the reply: a failed write fails the ask (the edge answers
/// 503) and leaves the state as it was, so the phone can simply retry.
/// </summary>
public sealed partial class DeviceActor : EntityChildActor
{
    private readonly DeviceActorSettings settings;
    private readonly string _entityId;
    private bool _loaded;
    private DeviceState? _state;
    private long _version;
    private CollectionCache? _collections;

    public DeviceActor(DeviceActorSettings settings, string entityId)
        : base(settings.IdleTimeout)
    {
        this.settings = settings;
        _entityId = entityId;
        ReceiveAsync<ExecuteDeviceCommand>(ExecuteAsync);
        ReceiveAsync<GetDeviceState>(_ => ReplyStateAsync(Sender));
        ReceiveAsync<FoldersChanged>(OnFoldersChangedAsync);
        Receive<PingHeartbeat>(OnHeartbeat);
        Receive<AbandonRequest>(OnAbandoned);
    }

    /// <summary>Props of the device <paramref name="deviceId"/> of <paramref name="accountId"/>.</summary>
    public static Props PropsFor(DeviceActorSettings settings, string accountId, string deviceId) =>
        Props.Create(() => new DeviceActor(settings, DeviceStateStore.EntityId(accountId, deviceId)));

    private WatchTarget Target => new(_entityId, Self);

    private CollectionCache Collections => _collections ??= new CollectionCache(
        settings.Collections ?? throw new InvalidOperationException("Sync needs DeviceActorSettings.Collections."), _entityId);

    /// <summary>Loads the durable state on the first message of each incarnation; a store outage fails that message only.</summary>
    private async Task EnsureLoadedAsync()
    {
        if (_loaded) return;
        (_state, _version) = await settings.Store.LoadAsync(_entityId);
        _loaded = true;
    }

    private async Task ReplyStateAsync(IActorRef replyTo)
    {
        try
        {
            await EnsureLoadedAsync();
            replyTo.Tell(new DeviceStateReply(_state));
        }
        catch (StoreUnavailableException e)
        {
            replyTo.Tell(new Status.Failure(e));
        }
    }

    private async Task ExecuteAsync(ExecuteDeviceCommand command)
    {
        var replyTo = Sender;
        var request = command.Request;
        var line = request.Line;
        Supersede();
        var now = settings.Clock.GetUtcNow();
        try
        {
            await EnsureLoadedAsync();
            var state = _state ?? DeviceState.New(request.AccountId, line.DeviceId);
            var events = DeviceDecisions.Contact(state, line.DeviceType, line.ProtocolVersion.ToString(), line.UserAgent, now);
            var access = settings.Accounts is { } accounts ? await accounts.AdmitAsync(request.AccountId) : AccountAccess.All;
            var decided = access.Refusal is { } refusal
                ? new Decision(new AccessRefused(refusal), [])
                : await DecideAsync(DeviceDecisions.ApplyAll(state, events), request with { Features = access.Features }, now);
            await PersistAsync(state, events.AddRange(decided.Events));
            if (decided.Outcome is ParkPing park) Park(replyTo, command.RequestId, park, request);
            else replyTo.Tell(decided.Outcome);
        }
        catch (Exception e)
        {
            _collections?.Clear();
            if (line.Command is EasCommand.Ping or EasCommand.Sync) settings.Mailboxes?.Tell(request.AccountId, new UnwatchFolders(_entityId));
            replyTo.Tell(new Status.Failure(e));
            if (!IsExpected(e)) throw;
        }
    }

    /// <summary>Failures that are the request's answer (retry later), not a defect of this actor: it keeps running.</summary>
    private static bool IsExpected(Exception e) => e is StoreUnavailableException or ImapException or AskTimeoutException;
    private async Task<Decision> DecideAsync(DeviceState state, DeviceRequest request, DateTimeOffset now)
    {
        var command = request.Line.Command;
        if (command == EasCommand.Provision && request.Implemented)
            return ProvisionCommand.Decide(state, request, settings.Policy, settings.NewPolicyKey, now);

        if (settings.Policy.Required && NeedsPolicyKey(command))
        {
            var verdict = DeviceDecisions.CheckPolicyKey(state, request.Line.PolicyKey, settings.Policy.Fingerprint);
            if (verdict != PolicyVerdict.Allowed) return new Decision(new ProvisioningRequired(verdict), []);
        }

        if (!request.Implemented) return new Decision(new CommandNotImplemented(), []);
        return command switch
        {
            EasCommand.Settings => SettingsCommand.Decide(state, request, now),
            EasCommand.FolderSync => await FolderSyncCommand.DecideAsync(state, request, settings, NewEpoch(), now),
            EasCommand.FolderCreate => await FolderCommands.CreateAsync(state, request, settings, now),
            EasCommand.FolderUpdate => await FolderCommands.UpdateAsync(state, request, settings, now),
            EasCommand.FolderDelete => await FolderCommands.DeleteAsync(state, request, settings, now),
            EasCommand.Ping => await PingCommand.DecideAsync(state, request, settings, Collections, Target, now),
            EasCommand.Sync => await SyncCommand.DecideAsync(request, settings, Collections, NewEpoch, Target, now),
            EasCommand.GetItemEstimate => await GetItemEstimateCommand.DecideAsync(request, settings, Collections, now),
            EasCommand.MoveItems => await MoveItemsCommand.DecideAsync(request, settings, Collections),
            EasCommand.ItemOperations => await ItemOperationsCommand.DecideAsync(request, settings, Collections),
            EasCommand.GetAttachment => await GetAttachmentCommand.DecideAsync(request, settings),
            EasCommand.SendMail or EasCommand.SmartReply or EasCommand.SmartForward => await ComposeMailCommand.DecideAsync(state, request, settings, settings.Logger, now),
            _ => throw new NotSupportedException($"The device actor does not handle {command}."),
        };
    }

    /// <summary>
    /// Every command but Provision needs the acknowledged policy key. Settings included: a phone sends its
    /// DeviceInformation "as soon as possible after the client has been provisioned" (MS-ASCMD 3.1.5.2).
    /// </summary>
    private static bool NeedsPolicyKey(EasCommand command) => command != EasCommand.Provision;

    protected override void PostStop()
    {
        if (_parked is not null) Answer(ExpiredAnswer(), "shutdown", unwatch: true);
    }

    /// <summary>A fresh random prefix for sync keys, so keys of an older sync state never match a newer one.</summary>
    private static string NewEpoch() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();

    private async Task PersistAsync(DeviceState before, ImmutableArray<DeviceEvent> events)
    {
        if (events.IsEmpty) return;
        var after = DeviceDecisions.ApplyAll(before, events);
        _version = await settings.Store.SaveAsync(_entityId, after, _version);
        _state = after;
    }
}

/// <summary>A command's decision: the reply and the events to persist before it leaves.</summary>
internal sealed record Decision(CommandOutcome Outcome, ImmutableArray<DeviceEvent> Events);

/// <summary>Asks a device for its current state (admin views, tests); answered with <see cref="DeviceStateReply"/>.</summary>
public sealed record GetDeviceState
{
    public static readonly GetDeviceState Instance = new();
}

/// <summary>The device's state; null when it was never seen.</summary>
public sealed record DeviceStateReply(DeviceState? State);
