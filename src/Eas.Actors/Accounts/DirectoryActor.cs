using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Eas.Actors.Persistence;

namespace Eas.Actors.Accounts;

/// <summary>What the directory actor needs: its durable state, the audit log and the clock.</summary>
public sealed record DirectoryActorSettings(JsonEntityStore<DirectoryState> Store, AuditLog Audit)
{
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>
/// The levels above the accounts (service switch, service defaults, domains, classes), one per deployment:
/// a cluster singleton reached through its proxy. Admin changes are applied one at a time, written and
/// audited before they are published and answered. Every published state reaches each node's
/// <see cref="DirectoryView"/> through distributed pub-sub (<see cref="DirectoryViewSubscriber"/>), so the
/// account gates resolve settings without a round trip to the singleton.
/// </summary>
public sealed class DirectoryActor : ReceiveActor
{
    public const string Name = "directory";

    /// <summary>The state store kind of the directory's row.</summary>
    public const string StoreKind = "directory";
    public const string EntityId = "service";

    private readonly DirectoryActorSettings _settings;
    private DirectoryState? _state;
    private long _version;

    public DirectoryActor(DirectoryActorSettings settings)
    {
        _settings = settings;
        ReceiveAsync<GetDirectory>(_ => AnswerAsync(Sender, null));
        ReceiveAsync<ChangeDirectory>(change => AnswerAsync(Sender, change));
    }

    private async Task AnswerAsync(IActorRef replyTo, ChangeDirectory? change)
    {
        try
        {
            if (_state is null)
            {
                var (state, version) = await _settings.Store.LoadAsync(EntityId);
                (_state, _version) = (state ?? DirectoryState.Default, version);
                Publish(_state);
            }

            if (change is not null && DirectoryDecisions.Apply(_state, change.Change) is var next && next != _state)
            {
                _version = await _settings.Store.SaveAsync(EntityId, next, _version);
                _state = next;
                await _settings.Audit.RecordAsync("directory." + change.Change.GetType().Name, change.Change, change.By, _settings.Clock.GetUtcNow());
                Publish(next);
            }

            replyTo.Tell(_state);
        }
        catch (Exception e)
        {
            replyTo.Tell(new Status.Failure(e));
        }
    }

    private static void Publish(DirectoryState state) =>
        DistributedPubSub.Get(Context.System).Mediator.Tell(new Publish(DirectoryViewSubscriber.Topic, new DirectoryPublished(state)));
}
