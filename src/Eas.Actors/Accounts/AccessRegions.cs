using Akka.Hosting;
using Eas.Actors.Licensing;

namespace Eas.Actors.Accounts;

/// <summary>
/// The account gates, the directory and the license of one deployment, as a node reaches them: the account
/// shard region and the two singleton proxies.
/// </summary>
public sealed record AccessRegions(AccountRegion Accounts, DirectoryRegion Directory, LicenseRegion License)
{
    /// <summary>How long one actor waits for another's answer inside the access path.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(20);

    /// <summary>The regions over the actors <see cref="Cluster.EasActorsHosting"/> registered.</summary>
    public static AccessRegions From(IActorRegistry registry, DirectoryView view, TimeSpan? deadline = null)
    {
        var wait = deadline ?? DefaultDeadline;
        return new AccessRegions(
            new AccountRegion(registry.Get<Cluster.AccountEntityActor>(), wait),
            new DirectoryRegion(registry.Get<DirectoryActor>(), view, wait),
            new LicenseRegion(registry.Get<LicenseActor>(), wait));
    }
}
