using System.Collections.Immutable;
using Eas.Actors.Diagnostics;
using Eas.Actors.Kernel;

namespace Eas.Actors.Mailboxes;

/// <summary>
/// The background loop of one account's watcher session, owned by its mailbox actor: it opens the watcher,
/// reports <see cref="WatcherReady"/> with the folders' stamps (so the actor can find changes it missed while
/// disconnected), then waits for changes in windows shorter than the servers' idle timeouts and reports each
/// batch. Failures reconnect with capped, jittered backoff. It only ever sends messages to the actor.
/// </summary>
internal sealed class WatcherLoop(
    IMailWatcherFactory factory, MailCredentials credentials, WatchedFolders watched, IActorRef mailbox, PushMetrics? metrics, TimeProvider clock, TimeSpan maxWait)
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
                await using var watcher = await factory.OpenAsync(credentials, cancellationToken);
                metrics?.WatcherOpened();
                try
                {
                    mailbox.Tell(new WatcherReady(await watcher.StampAsync(watched.Names, cancellationToken), clock.GetUtcNow()));
                    backoff = FirstBackoff;
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        var changed = await watcher.WaitForChangesAsync(watched.Names, maxWait, cancellationToken);
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

/// <summary>The folder names the watcher loop watches, set by the actor and read by the loop (a shared snapshot, never a shared mutable collection).</summary>
internal sealed class WatchedFolders
{
    private ImmutableArray<string> _names = [];

    public ImmutableArray<string> Names
    {
        get => ImmutableInterlocked.InterlockedCompareExchange(ref _names, _names, _names);
        set => ImmutableInterlocked.InterlockedExchange(ref _names, value);
    }
}
