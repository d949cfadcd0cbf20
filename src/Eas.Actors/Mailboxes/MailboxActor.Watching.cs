using System.Collections.Immutable;
using Akka.Actor;

namespace Eas.Actors.Mailboxes;

/// <summary>
/// The watching half of the mailbox: while any device has a Ping parked, one watcher session per account
/// (<see cref="WatcherLoop"/>) waits for changes; the actor fans them out to the devices watching those
/// folders. After every (re)connect the folders' stamps are compared with the last known ones, so a change
/// made while the watcher was away is reported, not lost.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The watcher's token source is disposed in PostStop, where an actor's life ends.")]
public sealed partial class MailboxActor
{
    private readonly Dictionary<string, (IActorRef Device, ImmutableHashSet<string> Folders)> _watchers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FolderStamp> _stamps = new(StringComparer.Ordinal);
    private readonly WatchedFolders _watched = new();
    private CancellationTokenSource? _loopStop;
    private Task? _loop;

    /// <summary>How long the watcher stays connected after the last device stopped waiting: phones park their next Ping within seconds.</summary>
    private static readonly TimeSpan Linger = TimeSpan.FromMinutes(2);
    private const string LingerTimer = "watch-linger";

    protected override bool CanPassivate => _watchers.Count == 0 && _loop is null;

    private void Watch(WatchFolders watch)
    {
        Timers.Cancel(LingerTimer);
        _watchers[watch.DeviceKey] = (watch.Device, watch.FolderNames.ToImmutableHashSet(StringComparer.Ordinal));
        foreach (var (folder, stamp) in watch.Baseline) _stamps.TryAdd(folder, stamp);
        PublishWatched(watch.Credentials);
        if (_loop is null)
        {
            _loopStop = new CancellationTokenSource();
            var token = _loopStop.Token;
            var loop = new WatcherLoop(settings.Watchers, _watched, Self, settings.Metrics, settings.Clock, settings.WatchWindow);
            _loop = Task.Run(() => loop.RunAsync(token), CancellationToken.None);
        }
    }

    private void Unwatch(string deviceKey)
    {
        if (!_watchers.Remove(deviceKey)) return;
        PublishWatched(null);
        if (_watchers.Count == 0) Timers.StartSingleTimer(LingerTimer, new StopWatching(), Linger);
    }

    private async Task OnStopWatchingAsync()
    {
        if (_watchers.Count == 0) await StopWatchingAsync();
    }

    private void PublishWatched(MailCredentials? credentials) =>
        _watched.Set([.. _watchers.Values.SelectMany(w => w.Folders).Distinct(StringComparer.Ordinal)], _stamps.ToImmutableDictionary(StringComparer.Ordinal), credentials);

    private void Ready(WatcherReady ready)
    {
        var changed = ready.Stamps.Where(pair => _stamps.TryGetValue(pair.Key, out var known) && known != pair.Value).Select(pair => pair.Key).ToImmutableArray();
        foreach (var (folder, stamp) in ready.Stamps) _stamps[folder] = stamp;
        if (!changed.IsEmpty) Notify(changed, ready.At);
    }

    private void Notify(ImmutableArray<string> folders, DateTimeOffset detectedAt)
    {
        foreach (var (device, watched) in _watchers.Values)
        {
            var relevant = folders.Where(watched.Contains).ToImmutableArray();
            if (!relevant.IsEmpty) device.Tell(new FoldersChanged(relevant, detectedAt));
        }
    }

    private async Task StopWatchingAsync()
    {
        _stamps.Clear();
        if (_loopStop is null) return;
        await _loopStop.CancelAsync();
        try
        {
            await (_loop ?? Task.CompletedTask).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
        }

        _loopStop.Dispose();
        _loopStop = null;
        _loop = null;
    }
}
