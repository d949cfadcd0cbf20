using Eas.Actors.Accounts;

namespace Eas.Host.Admin;

/// <summary>GET /admin/api/accounts/{account}: the account's view and the PIM store its contacts live in (<c>imap</c> or <c>carddav</c>).</summary>
internal sealed record AdminAccount(string AccountId, AccountSettings Settings, EffectiveFeatures Effective, bool HoldsSlot, DateTimeOffset? FirstSeen, string PimStore)
{
    public static AdminAccount Of(AccountView view, string pimStore) =>
        new(view.AccountId, view.Settings, view.Effective, view.HoldsSlot, view.FirstSeen, pimStore);
}
