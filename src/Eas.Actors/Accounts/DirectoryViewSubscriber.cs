using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;

namespace Eas.Actors.Accounts;

/// <summary>
/// One per node: keeps the node's <see cref="DirectoryView"/> current with every state the directory
/// singleton publishes, wherever in the cluster it runs.
/// </summary>
public sealed class DirectoryViewSubscriber : ReceiveActor
{
    /// <summary>The pub-sub topic the directory publishes on.</summary>
    public const string Topic = "eas-directory";

    public DirectoryViewSubscriber(DirectoryView view)
    {
        Receive<DirectoryPublished>(published => view.Publish(published.State));
        Receive<SubscribeAck>(_ => { });
        DistributedPubSub.Get(Context.System).Mediator.Tell(new Subscribe(Topic, Self));
    }
}

/// <summary>The directory after a durable change, or as the singleton recovered it from the journal.</summary>
public sealed record DirectoryPublished(DirectoryState State);
