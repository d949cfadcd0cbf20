using Akka.Actor;
using Eas.Actors.Cluster;
using Eas.Actors.Licensing;
using Eas.Actors.Persistence;

namespace Eas.Actors.Accounts;

/// <summary>What every account actor shares.</summary>
public sealed record AccountActorSettings(JsonEntityStore<AccountState> Store, DirectoryRegion Directory, LicenseRegion License, AuditLog Audit)
{
    /// <summary>How long an account gate stays in memory after its last request.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock for grants and audit entries.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>
/// One account's gate, a child of the account's sharded entity: the gate every request of the
/// account passes. It resolves the effective settings (<see cref="FeatureResolver"/>) from the published
/// directory and its own settings, and the first time it is let in after each activation it claims (or
/// confirms) its license slot, so the license is asked once per activation, not once per request. Its devices
/// await it inside their own turn; it never waits for a device, and the license never waits for it.
/// </summary>
public sealed class AccountActor : EntityChildActor
{
    /// <summary>The state store kind of account rows.</summary>
    public const string StoreKind = "account";

    private readonly AccountActorSettings settings;
    private readonly string _accountId;
    private AccountState? _loaded;
    private long _version;
    private DateTimeOffset? _grantValidUntil;

    public AccountActor(AccountActorSettings settings, string accountId)
        : base(settings.IdleTimeout)
    {
        this.settings = settings;
        _accountId = accountId;
        ReceiveAsync<AdmitAccount>(_ => AnswerAsync(Sender, AdmitAsync));
        ReceiveAsync<GetAccount>(_ => AnswerAsync(Sender, ViewAsync));
        ReceiveAsync<ChangeAccount>(change => AnswerAsync(Sender, async () =>
        {
            await ChangeAsync(change);
            return await ViewAsync();
        }));
    }

    /// <summary>Props of the gate of <paramref name="accountId"/>.</summary>
    public static Props PropsFor(AccountActorSettings settings, string accountId) =>
        Props.Create(() => new AccountActor(settings, accountId));

    private AccountState State => _loaded!;

    /// <summary>Loads the state on the first message of an incarnation, then answers; a failure fails only this ask.</summary>
    private async Task AnswerAsync<T>(IActorRef replyTo, Func<Task<T>> answer)
    {
        try
        {
            if (_loaded is null)
            {
                var (state, version) = await settings.Store.LoadAsync(_accountId);
                (_loaded, _version) = (state ?? AccountState.New(_accountId), version);
            }

            replyTo.Tell(await answer());
        }
        catch (Exception e)
        {
            replyTo.Tell(new Status.Failure(e));
        }
    }

    private async Task<AccountAccess> AdmitAsync()
    {
        var features = FeatureResolver.Resolve(await settings.Directory.CurrentAsync(), State.AccountId, State.Settings);
        if (AccountDecisions.RefusalOf(features) is { } refused) return new AccountAccess(features, refused);
        var now = settings.Clock.GetUtcNow();
        if (_grantValidUntil > now) return new AccountAccess(features, null);

        var claim = await settings.License.ClaimAsync(State.AccountId);
        var (next, refusal) = AccountDecisions.AfterClaim(State, claim, now);
        await SaveAsync(next);
        _grantValidUntil = claim is SlotHeld held ? held.ValidUntil : null;
        return new AccountAccess(FeatureResolver.Resolve(await settings.Directory.CurrentAsync(), State.AccountId, State.Settings), refusal);
    }

    private async Task ChangeAsync(ChangeAccount change)
    {
        var (next, release) = AccountDecisions.Change(State, change.Class, change.Features);
        if (release) await settings.License.ReleaseAsync(State.AccountId, change.By);
        await SaveAsync(next);
        _grantValidUntil = null;
        await settings.Audit.RecordAsync("account.settings", new { account = State.AccountId, change.Class, change.Features }, change.By, settings.Clock.GetUtcNow());
    }

    private async Task<AccountView> ViewAsync()
    {
        var features = FeatureResolver.Resolve(await settings.Directory.CurrentAsync(), State.AccountId, State.Settings);
        return new AccountView(State.AccountId, State.Settings, features, State.HoldsSlot, State.FirstSeen);
    }

    private async Task SaveAsync(AccountState next)
    {
        if (next == _loaded) return;
        _version = await settings.Store.SaveAsync(_accountId, next, _version);
        _loaded = next;
    }
}
