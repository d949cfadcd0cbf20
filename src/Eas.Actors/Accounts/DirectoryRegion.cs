using System.Text.Json;
using Akka.Actor;

namespace Eas.Actors.Accounts;

/// <summary>The way to the deployment's one <see cref="DirectoryActor"/> (its singleton proxy), and this node's view of it.</summary>
public sealed class DirectoryRegion(IActorRef directory, DirectoryView view, TimeSpan deadline)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The directory: this node's published snapshot, or (before one has arrived) an ask to the singleton.</summary>
    public async ValueTask<DirectoryState> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (view.Current is { } current) return current;
        var loaded = await directory.Ask<DirectoryState>(GetDirectory.Instance, deadline, cancellationToken);
        view.Publish(loaded);
        return loaded;
    }

    /// <summary>Applies an admin's change; this node's view shows it at once, the others as soon as pub-sub brings it.</summary>
    public async Task<DirectoryState> ChangeAsync(DirectoryChange change, string by, CancellationToken cancellationToken = default)
    {
        var changed = await directory.Ask<DirectoryState>(new ChangeDirectory(change, by), deadline, cancellationToken);
        view.Publish(changed);
        return changed;
    }

    /// <summary>
    /// Writes an admin action that changes no actor's state to the audit log and returns once it is durable, so the
    /// caller lets the action take effect only after it is recorded. <paramref name="details"/> is stored as JSON
    /// (camelCase, as the admin API writes it).
    /// </summary>
    /// <exception cref="Persistence.StoreUnavailableException">The journal could not be written; the action must not take effect.</exception>
    public async Task RecordAsync(string change, object details, string by, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(change);
        ArgumentNullException.ThrowIfNull(details);
        var json = JsonSerializer.SerializeToElement(details, details.GetType(), Json);
        await directory.Ask<AdminActionRecorded>(new RecordAdminAction(change, json, by), deadline, cancellationToken);
    }

    /// <summary>
    /// Writes an entry to the audit log without waiting for it: for what an actor has already made durable in its own
    /// journal (a phone's wipe acknowledgement), where the audit entry follows the change rather than guards it.
    /// </summary>
    public void Record(string change, object details, string by)
    {
        var json = JsonSerializer.SerializeToElement(details, details.GetType(), Json);
        directory.Tell(new RecordAdminAction(change, json, by), ActorRefs.NoSender);
    }
}
