using Eas.Actors.Kernel;
using Eas.Actors.Persistence;

namespace Eas.Actors.Accounts;

/// <summary>What the directory actor needs: its durable state, the view it publishes, the audit log.</summary>
public sealed record DirectoryActorSettings(JsonEntityStore<DirectoryState> Store, DirectoryView View, AuditLog Audit);

/// <summary>
/// The levels above the accounts (service switch, service defaults, domains, classes), one per deployment
/// (entity <c>directory</c>/<see cref="EntityId"/>). Admin changes are applied one at a time, written and
/// audited before they are published to the <see cref="DirectoryView"/> and answered.
/// </summary>
public sealed class DirectoryActor(DirectoryActorSettings settings) : Actor
{
    public const string Kind = "directory";
    public const string EntityId = "service";

    private DirectoryState _state = DirectoryState.Default;
    private long _version;

    protected internal override async Task PreStartAsync()
    {
        var (state, version) = await settings.Store.LoadAsync(EntityId);
        (_state, _version) = (state ?? DirectoryState.Default, version);
        settings.View.Publish(_state);
    }

    protected internal override async Task ReceiveAsync(object message)
    {
        switch (message)
        {
            case GetDirectory query:
                query.Reply.Reply(_state);
                break;
            case ChangeDirectory change:
                var next = DirectoryDecisions.Apply(_state, change.Change);
                if (next != _state)
                {
                    _version = await settings.Store.SaveAsync(EntityId, next, _version);
                    _state = next;
                    await settings.Audit.RecordAsync("directory." + change.Change.GetType().Name, change.Change, change.By, Context.Clock.GetUtcNow());
                    settings.View.Publish(next);
                }

                change.Reply.Reply(_state);
                break;
        }
    }
}
