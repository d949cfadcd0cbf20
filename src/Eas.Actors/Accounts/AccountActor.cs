using Eas.Actors.Kernel;
using Eas.Actors.Licensing;
using Eas.Actors.Persistence;

namespace Eas.Actors.Accounts;

/// <summary>What every account actor shares.</summary>
public sealed record AccountActorSettings(JsonEntityStore<AccountState> Store, DirectoryRegion Directory, LicenseRegion License, AuditLog Audit);

/// <summary>
/// One account (entity <c>account</c>, id = the lower-cased account id): the gate every request of the
/// account passes. It resolves the effective settings (<see cref="FeatureResolver"/>) from the published
/// directory and its own settings, and the first time it is let in after each activation it claims (or
/// confirms) its license slot, so the license is asked once per activation, not once per request. Its devices
/// await it inside their own turn; it never waits for a device, and the license never waits for it.
/// </summary>
public sealed class AccountActor(AccountActorSettings settings) : Actor
{
    public const string Kind = "account";

    private AccountState _state = null!;
    private long _version;
    private DateTimeOffset? _grantValidUntil;

    protected internal override async Task PreStartAsync()
    {
        var (state, version) = await settings.Store.LoadAsync(Context.EntityId!);
        (_state, _version) = (state ?? AccountState.New(Context.EntityId!), version);
    }

    protected internal override async Task ReceiveAsync(object message)
    {
        switch (message)
        {
            case AdmitAccount admit:
                admit.Reply.Reply(await AdmitAsync());
                break;
            case GetAccount query:
                query.Reply.Reply(await ViewAsync());
                break;
            case ChangeAccount change:
                await ChangeAsync(change);
                change.Reply.Reply(await ViewAsync());
                break;
        }
    }

    private async Task<AccountAccess> AdmitAsync()
    {
        var features = FeatureResolver.Resolve(await settings.Directory.CurrentAsync(), _state.AccountId, _state.Settings);
        if (AccountDecisions.RefusalOf(features) is { } refused) return new AccountAccess(features, refused);
        var now = Context.Clock.GetUtcNow();
        if (_grantValidUntil > now) return new AccountAccess(features, null);

        var claim = await settings.License.ClaimAsync(_state.AccountId);
        var (next, refusal) = AccountDecisions.AfterClaim(_state, claim, now);
        await SaveAsync(next);
        _grantValidUntil = claim is SlotHeld held ? held.ValidUntil : null;
        return new AccountAccess(FeatureResolver.Resolve(await settings.Directory.CurrentAsync(), _state.AccountId, _state.Settings), refusal);
    }

    private async Task ChangeAsync(ChangeAccount change)
    {
        var (next, release) = AccountDecisions.Change(_state, change.Class, change.Features);
        if (release) await settings.License.ReleaseAsync(_state.AccountId, change.By);
        await SaveAsync(next);
        _grantValidUntil = null;
        await settings.Audit.RecordAsync("account.settings", new { account = _state.AccountId, change.Class, change.Features }, change.By, Context.Clock.GetUtcNow());
    }

    private async Task<AccountView> ViewAsync()
    {
        var features = FeatureResolver.Resolve(await settings.Directory.CurrentAsync(), _state.AccountId, _state.Settings);
        return new AccountView(_state.AccountId, _state.Settings, features, _state.HoldsSlot, _state.FirstSeen);
    }

    private async Task SaveAsync(AccountState next)
    {
        if (next == _state) return;
        _version = await settings.Store.SaveAsync(_state.AccountId, next, _version);
        _state = next;
    }
}
