using System.Collections.Immutable;
using Eas.Actors.Diagnostics;
using Akka.Actor;

namespace Eas.Actors.Mailboxes;

/// <summary>
/// The background loop of one account's watcher session, owned by its mailbox actor: it opens the watcher,
/// reports <see cref="WatcherReady"/> with the folders' stamps (so the actor can find changes it missed while
/// disconnected), then waits for changes in windows shorter than the servers' idle timeouts and reports each
/// batch. Failures reconnect with capped, jittered backoff. It only ever sends messages to the actor.
/// </summary>
internal sealed class WatcherLoop(
    IMailWatcherFactory factory, WatchedFolders watched, IActorRef mailbox, PushMetrics? metrics, TimeProvider clock, TimeSpan maxWait)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = FirstBackoff;
        var first = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!first) metrics?.WatcherReconnecting();
                first = false;
                await using var watcher = await factory.OpenAsync(watched.Credentials!, cancellationToken);
                metrics?.WatcherOpened();
                try
                {
                    mailbox.Tell(new WatcherReady(await watcher.StampAsync(watched.Names, cancellationToken), clock.GetUtcNow()));
                    backoff = FirstBackoff;
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        var changed = await watcher.WaitForChangesAsync(watched.Names, watched.Baseline, maxWait, cancellationToken);
                        if (changed.Count > 0) mailbox.Tell(new WatcherSawChanges([.. changed], clock.GetUtcNow()));
                    }
                }
                finally
                {
                    metrics?.WatcherClosed();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var jittered = backoff * (0.5 + Random.Shared.NextDouble());
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
                try
                {
                    await Task.Delay(jittered, clock, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}

/// <summary>
/// What the watcher loop watches, set by the actor and read by the loop: immutable snapshots swapped whole,
/// never a shared mutable collection. The credentials are the newest a device brought, so a changed password
/// reaches the watcher at its next reconnect; the baseline holds the stamps devices saw, for folders the
/// loop has not stamped itself yet.
/// </summary>
internal sealed class WatchedFolders
{
    private volatile Snapshot _current = new([], ImmutableDictionary<string, FolderStamp>.Empty, null);

    public ImmutableArray<string> Names => _current.Names;

    public ImmutableDictionary<string, FolderStamp> Baseline => _current.Baseline;

    public MailCredentials? Credentials => _current.Credentials;

    public void Set(ImmutableArray<string> names, ImmutableDictionary<string, FolderStamp> baseline, MailCredentials? credentials) =>
        _current = new Snapshot(names, baseline, credentials ?? _current.Credentials);

    private sealed record Snapshot(ImmutableArray<string> Names, ImmutableDictionary<string, FolderStamp> Baseline, MailCredentials? Credentials);
}
