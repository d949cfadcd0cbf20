using System.Collections.Immutable;
using Eas.Actors.Accounts;
using Eas.Actors.Kernel;
using System.Security.Cryptography;
using Eas.Actors.Mailboxes;
using Eas.Actors.Persistence;
using Eas.Mail.Imap;
using Eas.Wire.Http;

namespace Eas.Actors.Devices;

/// <summary>
/// One phone of one account (entity id <c>account/deviceid</c>, lower-cased). It holds the device's durable
/// state and decides every command for it, one at a time. Rules live in <see cref="DeviceDecisions"/> and the
/// command classes; this class only loads, persists, applies and replies. Every change a response reports
/// is on disk before the reply: a failed write fails the ask (the edge answers 503) and leaves the state as
/// it was, so the phone can simply retry.
/// </summary>
public sealed partial class DeviceActor(DeviceActorSettings settings) : Actor
{
    private DeviceState? _state;
    private long _version;
    private CollectionCache? _collections;

    private WatchTarget Target => new(Context.EntityId!, Context.Self);

    private CollectionCache Collections => _collections ??= new CollectionCache(
        settings.Collections ?? throw new InvalidOperationException("Sync needs DeviceActorSettings.Collections."), Context.EntityId!);

    protected internal override async Task PreStartAsync()
    {
        (_state, _version) = await settings.Store.LoadAsync(Context.EntityId!);
    }

    protected internal override async Task ReceiveAsync(object message)
    {
        switch (message)
        {
            case ExecuteDeviceCommand command:
                await ExecuteAsync(command);
                break;
            case GetDeviceState query:
                query.Reply.Reply(_state);
                break;
            case FoldersChanged changed:
                await OnFoldersChangedAsync(changed);
                break;
            case PingHeartbeat heartbeat:
                OnHeartbeat(heartbeat);
                break;
            case PingAbandoned abandoned:
                OnAbandoned(abandoned);
                break;
        }
    }

    private async Task ExecuteAsync(ExecuteDeviceCommand command)
    {
        var request = command.Request;
        var line = request.Line;
        Supersede();
        var now = Context.Clock.GetUtcNow();
        var state = _state ?? DeviceState.New(request.AccountId, line.DeviceId);
        var events = DeviceDecisions.Contact(state, line.DeviceType, line.ProtocolVersion.ToString(), line.UserAgent, now);
        try
        {
            var access = settings.Accounts is { } accounts ? await accounts.AdmitAsync(request.AccountId) : AccountAccess.All;
            var decided = access.Refusal is { } refusal
                ? new Decision(new AccessRefused(refusal), [])
                : await DecideAsync(DeviceDecisions.ApplyAll(state, events), request with { Features = access.Features }, now);
            await PersistAsync(state, events.AddRange(decided.Events));
            if (decided.Outcome is ParkPing park) Park(command.Reply, park, request);
            else if (!command.Reply.Reply(decided.Outcome) && decided.Outcome is RespondWithContent unsent) await unsent.Content.DisposeAsync();
        }
        catch (Exception e)
        {
            _collections?.Clear();
            if (line.Command is EasCommand.Ping or EasCommand.Sync) settings.Mailboxes?.Tell(request.AccountId, new UnwatchFolders(Context.EntityId!));
            command.Reply.Fail(e);
            if (e is not (StoreUnavailableException or ImapException or AskTimeoutException or ActorStoppedException)) throw;
        }
    }

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
            EasCommand.SendMail or EasCommand.SmartReply or EasCommand.SmartForward => await ComposeMailCommand.DecideAsync(state, request, settings, Context.Logger, now),
            _ => throw new NotSupportedException($"The device actor does not handle {command}."),
        };
    }

    /// <summary>
    /// Every command but Provision needs the acknowledged policy key. Settings included: a phone sends its
    /// DeviceInformation "as soon as possible after the client has been provisioned" (MS-ASCMD 3.1.5.2).
    /// </summary>
    private static bool NeedsPolicyKey(EasCommand command) => command != EasCommand.Provision;

    protected internal override Task PostStopAsync()
    {
        if (_parked is not null) Answer(ExpiredAnswer(), "shutdown", unwatch: true);
        return Task.CompletedTask;
    }

    /// <summary>A fresh random prefix for sync keys, so keys of an older sync state never match a newer one.</summary>
    private static string NewEpoch() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();

    private async Task PersistAsync(DeviceState before, ImmutableArray<DeviceEvent> events)
    {
        if (events.IsEmpty) return;
        var after = DeviceDecisions.ApplyAll(before, events);
        _version = await settings.Store.SaveAsync(Context.EntityId!, after, _version);
        _state = after;
    }
}

/// <summary>A command's decision: the reply and the events to persist before it leaves.</summary>
internal sealed record Decision(CommandOutcome Outcome, ImmutableArray<DeviceEvent> Events);

/// <summary>Asks a device for its current state (admin views, tests); null when it was never seen.</summary>
public sealed record GetDeviceState(ReplyTo<DeviceState?> Reply);
