using Eas.Actors.Kernel;

namespace Eas.Actors.Accounts;

/// <summary>The account entities of this node, addressed by account id (compared lower-cased).</summary>
public sealed class AccountRegion(EntityRegion region, TimeSpan deadline)
{
    /// <summary>Whether a request of the account may run, and with which data classes.</summary>
    public Task<AccountAccess> AdmitAsync(string accountId, CancellationToken cancellationToken = default) =>
        region.Ask<AccountAccess>(accountId.ToLowerInvariant(), reply => new AdmitAccount(reply), deadline, cancellationToken);

    public Task<AccountView> GetAsync(string accountId, CancellationToken cancellationToken = default) =>
        region.Ask<AccountView>(accountId.ToLowerInvariant(), reply => new GetAccount(reply), deadline, cancellationToken);

    public Task<AccountView> ChangeAsync(string accountId, string? accountClass, FeatureSettings features, string by, CancellationToken cancellationToken = default) =>
        region.Ask<AccountView>(accountId.ToLowerInvariant(), reply => new ChangeAccount(accountClass, features, by, reply), deadline, cancellationToken);
}
