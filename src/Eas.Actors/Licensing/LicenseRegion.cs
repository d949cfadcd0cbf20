using Akka.Actor;

namespace Eas.Actors.Licensing;

/// <summary>The way to the deployment's one <see cref="LicenseActor"/>, through its singleton proxy.</summary>
public sealed class LicenseRegion(IActorRef license, TimeSpan deadline)
{
    public Task<LicenseClaim> ClaimAsync(string accountId, CancellationToken cancellationToken = default) =>
        license.Ask<LicenseClaim>(new ClaimSlot(accountId), deadline, cancellationToken);

    public async Task<bool> ReleaseAsync(string accountId, string by, CancellationToken cancellationToken = default) =>
        (await license.Ask<SlotReleaseResult>(new ReleaseSlot(accountId, by), deadline, cancellationToken)).Released;

    public Task<LicenseStatus> StatusAsync(CancellationToken cancellationToken = default) =>
        license.Ask<LicenseStatus>(GetLicenseStatus.Instance, deadline, cancellationToken);
}
