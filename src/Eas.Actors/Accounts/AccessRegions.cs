using Eas.Actors.Kernel;
using Eas.Actors.Licensing;
using Eas.Actors.Persistence;

namespace Eas.Actors.Accounts;

/// <summary>
/// The account gates, the directory and the license of one deployment, wired together: account actors read
/// the directory's published view and claim slots from the license.
/// </summary>
public sealed record AccessRegions(AccountRegion Accounts, DirectoryRegion Directory, LicenseRegion License)
{
    /// <summary>How long one actor waits for another's answer inside the access path.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(20);

    public static AccessRegions Create(ActorSystem system, IStateStore store, LicenseTerms terms, LicenseMetrics? metrics = null, TimeSpan? deadline = null)
    {
        var wait = deadline ?? DefaultDeadline;
        var audit = new AuditLog(store);
        var licenseSettings = new LicenseActorSettings(terms, new JsonEntityStore<LicenseState>(store, LicenseActor.Kind), audit) { Metrics = metrics };
        var license = new LicenseRegion(system.CreateRegion(LicenseActor.Kind, _ => new LicenseActor(licenseSettings)), wait);
        var view = new DirectoryView();
        var directorySettings = new DirectoryActorSettings(new JsonEntityStore<DirectoryState>(store, DirectoryActor.Kind), view, audit);
        var directory = new DirectoryRegion(system.CreateRegion(DirectoryActor.Kind, _ => new DirectoryActor(directorySettings)), view, wait);
        var accountSettings = new AccountActorSettings(new JsonEntityStore<AccountState>(store, AccountActor.Kind), directory, license, audit);
        var accounts = new AccountRegion(system.CreateRegion(AccountActor.Kind, _ => new AccountActor(accountSettings)), wait);
        return new AccessRegions(accounts, directory, license);
    }
}
