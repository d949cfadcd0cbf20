using System.Collections.Immutable;
using Akka.Actor;

namespace Eas.Actors.Mailboxes;

/// <summary>
/// A device parks a Ping on these folders (IMAP names): tell <paramref name="Device"/> (the device, or its account entity,
/// which holds the device's parked Ping) <see cref="FoldersChanged"/> when any changes.
/// <paramref name="Baseline"/> holds the stamps the device saw when it checked the folders, so a change that
/// lands before the watcher is listening is still reported.
/// </summary>
public sealed record WatchFolders(string DeviceKey, IActorRef Device, MailCredentials Credentials, ImmutableArray<string> FolderNames, ImmutableDictionary<string, FolderStamp> Baseline) : Cluster.IRoutedToChild
{
    /// <summary>
    /// The change tokens the device last synced, of the collections among <see cref="FolderNames"/> that no IMAP
    /// watcher sees (named by <see cref="Pim.PimWatch.NameOf"/>): the mailbox polls them and reports a token that moved.
    /// </summary>
    public ImmutableDictionary<string, string> PimTokens { get; init; } = ImmutableDictionary<string, string>.Empty;
}

/// <summary>The device no longer waits.</summary>
public sealed record UnwatchFolders(string DeviceKey) : Cluster.IRoutedToChild;

/// <summary>Told to a watch's target: these folders changed, as the watcher saw at <paramref name="DetectedAt"/>.</summary>
public sealed record FoldersChanged(ImmutableArray<string> FolderNames, DateTimeOffset DetectedAt)
{
    /// <summary>
    /// Whose watch this is (<see cref="WatchFolders.DeviceKey"/>): a device's account entity is the target of its watch and
    /// answers a Ping it holds for the device, or passes the change on to the device (<see cref="Cluster.HeldPings"/>).
    /// </summary>
    public string DeviceKey { get; init; } = "";
}

/// <summary>From the watcher loop to its mailbox actor: folders changed while it waited.</summary>
internal sealed record WatcherSawChanges(ImmutableArray<string> FolderNames, DateTimeOffset DetectedAt);

/// <summary>From the watcher loop: (re)connected and listening; these are the folders' stamps now.</summary>
internal sealed record WatcherReady(IReadOnlyDictionary<string, FolderStamp> Stamps, DateTimeOffset At);

/// <summary>Time to poll the change tokens of the watched collections no IMAP watcher sees.</summary>
internal sealed record PollPimCollections;

/// <summary>The linger after the last watcher left is over: close the watcher session if nobody came back.</summary>
internal sealed record StopWatching;

/// <summary>Time for the webhook mode's safety net to re-stamp the watched folders.</summary>
internal sealed record RestampWatchedFolders;
