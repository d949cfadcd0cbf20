using Akka.Actor;
using Akka.Persistence;
using Eas.Actors.Cluster;
using Eas.Actors.Licensing;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Accounts;

/// <summary>What every account gate shares.</summary>
public sealed record AccountActorSettings(DirectoryRegion Directory, LicenseRegion License)
{
    /// <summary>Idle time, snapshot interval and journal instruments of account gates.</summary>
    public EntityChildOptions Entity { get; init; } = new("account", TimeSpan.FromMinutes(5), KeepsAuditEntries: true);

    /// <summary>When a device of the account counts as abandoned and is removed.</summary>
    public StaleDeviceLimits StaleDevices { get; init; } = StaleDeviceLimits.Default;

    /// <summary>The clock for grants and audit entries.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>
/// One account's gate, a child of the account's sharded entity and a persistent actor (journal
/// <see cref="PersistenceIds.Account"/>): the gate every request of the account passes. It resolves the
/// effective settings (<see cref="FeatureResolver"/>) from the published directory and its own settings, and the
/// first time it is let in after each activation it claims (or confirms) its license slot, so the license is
/// asked once per activation, not once per request. Its devices await it inside their own turn; it never waits
/// for a device, and the license never waits for it. An admin's change is in the journal, with its audit
/// entry, before the answer leaves.
/// </summary>
public sealed class AccountActor : EntityChildActor
{
    private readonly AccountActorSettings settings;
    private AccountState _state;
    private DateTimeOffset? _grantValidUntil;
    private DateTimeOffset? _lastSweep;

    public AccountActor(AccountActorSettings settings, string accountId)
        : base(PersistenceIds.Account(accountId), settings.Entity)
    {
        this.settings = settings;
        _state = AccountState.New(accountId);
    }

    /// <summary>Props of the gate of <paramref name="accountId"/>.</summary>
    public static Props PropsFor(AccountActorSettings settings, string accountId) =>
        Props.Create(() => new AccountActor(settings, accountId));

    protected override IPersistedMessage Snapshot() => new AccountSnapshot(_state);

    protected override void Restore(IPersistedMessage snapshot) => _state = ((AccountSnapshot)snapshot).State;

    protected override bool Handle(object message)
    {
        var replyTo = Sender;
        switch (message)
        {
            case AdmitAccount admit:
                RunTask(() => AnswerAsync(replyTo, asker => AdmitAsync(asker, admit.DeviceId)));
                return true;
            case GetAccount:
                RunTask(() => AnswerAsync(replyTo, async asker => asker.Tell(View(await settings.Directory.CurrentAsync()))));
                return true;
            case RemoveAccountDevice remove:
                var removed = new AccountDeviceRemoved(_state.AccountId, remove.DeviceId.ToLowerInvariant(), remove.LastSeen, settings.Clock.GetUtcNow()) { RemovedBy = remove.By };
                PersistThen([removed], replyTo, Apply, () => replyTo.Tell(removed));
                return true;
            case ChangeAccount change:
                RunTask(() => AnswerAsync(replyTo, asker => ChangeAsync(change, asker)));
                return true;
            default:
                return false;
        }
    }

    protected override void Apply(IPersistedMessage stored) => _state = stored switch
    {
        AccountSettingsChanged changed => changed.State,
        AccountClaimAnswered answered => answered.State,
        IAccountDeviceEvent device => StaleDevices.Apply(_state, device),
        _ => _state,
    };

    /// <summary>Runs a command; a failure (directory or license unreachable) is this ask's answer only.</summary>
    private static async Task AnswerAsync(IActorRef replyTo, Func<IActorRef, Task> command)
    {
        try
        {
            await command(replyTo);
        }
        catch (Exception e)
        {
            replyTo.Tell(new Status.Failure(e));
        }
    }

    private async Task AdmitAsync(IActorRef replyTo, string? deviceId)
    {
        var directory = await settings.Directory.CurrentAsync();
        var features = FeatureResolver.Resolve(directory, _state.AccountId, _state.Settings);
        if (AccountDecisions.RefusalOf(features) is { } refused)
        {
            replyTo.Tell(new AccountAccess(features, refused) { AccountClass = _state.Settings.Class });
            return;
        }

        var now = settings.Clock.GetUtcNow();
        var devices = DeviceEvents(deviceId, now);
        if (_grantValidUntil > now)
        {
            PersistThen(devices, replyTo, Apply, () =>
            {
                ForgetRemoved(devices);
                replyTo.Tell(new AccountAccess(features, null) { AccountClass = _state.Settings.Class });
            });
            return;
        }

        var claim = await settings.License.ClaimAsync(_state.AccountId);
        var (next, refusal) = AccountDecisions.AfterClaim(_state, claim, now);
        // The claim's event carries the whole state as it was before the device records, so it goes first.
        List<IPersistedMessage> events = next == _state ? [.. devices] : [new AccountClaimAnswered(next, now), .. devices];
        PersistThen(events, replyTo, Apply, () =>
        {
            ForgetRemoved(devices);
            _grantValidUntil = claim is SlotHeld held ? held.ValidUntil : null;
            replyTo.Tell(new AccountAccess(FeatureResolver.Resolve(directory, _state.AccountId, _state.Settings), refusal) { AccountClass = _state.Settings.Class });
        });
    }

    /// <summary>
    /// The account's record of the device sending this request, and, at most once per sweep interval, the
    /// removal of devices idle past the limit (<see cref="StaleDevices"/>).
    /// </summary>
    private List<IPersistedMessage> DeviceEvents(string? deviceId, DateTimeOffset now)
    {
        var limits = settings.StaleDevices;
        if (deviceId is null || !limits.Enabled) return [];
        List<IPersistedMessage> events = [];
        if (StaleDevices.Seen(_state, deviceId, now, limits) is { } seen) events.Add(seen);
        if (_lastSweep is null || now - _lastSweep >= limits.SweepInterval)
        {
            _lastSweep = now;
            events.AddRange(StaleDevices.Sweep(_state, deviceId, now, limits));
        }

        return events;
    }

    /// <summary>Tells each removed device, through the entity, to delete its journal and stop.</summary>
    private void ForgetRemoved(IEnumerable<IPersistedMessage> events)
    {
        foreach (var removed in events.OfType<AccountDeviceRemoved>())
            Context.Parent.Tell(new AccountEnvelope(_state.AccountId, AccountChild.Device(removed.DeviceId), ForgetDevice.Instance));
    }

    private async Task ChangeAsync(ChangeAccount change, IActorRef replyTo)
    {
        var (next, release) = AccountDecisions.Change(_state, change.Class, change.Features);
        if (release) await settings.License.ReleaseAsync(_state.AccountId, change.By);
        var directory = await settings.Directory.CurrentAsync();
        PersistThen([new AccountSettingsChanged(next, change.By, settings.Clock.GetUtcNow())], replyTo, Apply, () =>
        {
            _grantValidUntil = null;
            replyTo.Tell(View(directory));
        });
    }

    private AccountView View(DirectoryState directory) =>
        new(_state.AccountId, _state.Settings, FeatureResolver.Resolve(directory, _state.AccountId, _state.Settings), _state.HoldsSlot, _state.FirstSeen);
}
