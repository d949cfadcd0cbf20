using Eas.Actors.Kernel;

namespace Eas.Actors.Licensing;

/// <summary>The way to the deployment's one <see cref="LicenseActor"/>.</summary>
public sealed class LicenseRegion(EntityRegion region, TimeSpan deadline)
{
    public Task<LicenseClaim> ClaimAsync(string accountId, CancellationToken cancellationToken = default) =>
        region.Ask<LicenseClaim>(LicenseActor.EntityId, reply => new ClaimSlot(accountId, reply), deadline, cancellationToken);

    public Task<bool> ReleaseAsync(string accountId, string by, CancellationToken cancellationToken = default) =>
        region.Ask<bool>(LicenseActor.EntityId, reply => new ReleaseSlot(accountId, by, reply), deadline, cancellationToken);

    public Task<LicenseStatus> StatusAsync(CancellationToken cancellationToken = default) =>
        region.Ask<LicenseStatus>(LicenseActor.EntityId, reply => new GetLicenseStatus(reply), deadline, cancellationToken);
}
