using Eas.Actors.Kernel;

namespace Eas.Actors.Accounts;

/// <summary>The way to the deployment's one <see cref="DirectoryActor"/>, and the snapshot it publishes.</summary>
public sealed class DirectoryRegion(EntityRegion region, DirectoryView view, TimeSpan deadline)
{
    /// <summary>The directory: the published snapshot, or (before the actor has loaded) an ask that loads it.</summary>
    public async ValueTask<DirectoryState> CurrentAsync(CancellationToken cancellationToken = default) =>
        view.Current ?? await region.Ask<DirectoryState>(DirectoryActor.EntityId, reply => new GetDirectory(reply), deadline, cancellationToken);

    public Task<DirectoryState> ChangeAsync(DirectoryChange change, string by, CancellationToken cancellationToken = default) =>
        region.Ask<DirectoryState>(DirectoryActor.EntityId, reply => new ChangeDirectory(change, by, reply), deadline, cancellationToken);
}
