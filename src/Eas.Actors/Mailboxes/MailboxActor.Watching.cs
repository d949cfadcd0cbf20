using System.Collections.Immutable;
using Akka.Actor;
using Eas.Actors.Mailboxes.Pim;
using Microsoft.Extensions.Logging;

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
    private readonly Dictionary<string, string> _pimTokens = new(StringComparer.Ordinal);
    private MailCredentials? _pollCredentials;
    private const string PollTimer = "pim-poll";
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
        if (!watch.PimTokens.IsEmpty) PollPim(watch);
        if (WatchesThroughWebhook && watch.FolderNames.Any(IsImap)) WatchThroughWebhook(watch);
        else if (_loop is null && watch.FolderNames.Any(IsImap))
        {
            _loopStop = new CancellationTokenSource();
            var token = _loopStop.Token;
            var loop = new WatcherLoop(settings.Watchers, _watched, Self, settings.Metrics, settings.Clock, settings.WatchWindow);
            _loop = Task.Run(() => loop.RunAsync(token), CancellationToken.None);
        }
    }

    /// <summary>Starts polling (or goes on) with the device's tokens as the baseline of collections not polled yet.</summary>
    private void PollPim(WatchFolders watch)
    {
        foreach (var (name, token) in watch.PimTokens) _pimTokens.TryAdd(name, token);
        _pollCredentials = watch.Credentials;
        if (settings.Pim is { } pim && !Timers.IsTimerActive(PollTimer))
            Timers.StartPeriodicTimer(PollTimer, new PollPimCollections(), pim.PollInterval);
    }

    /// <summary>
    /// One poll of the watched collections' change tokens; a token that moved is reported like an IMAP change. A store
    /// that cannot be reached is logged and asked again at the next tick: it never ends a parked request.
    /// </summary>
    private async Task PollPimCollectionsAsync()
    {
        var polled = _watchers.Values.SelectMany(w => w.Folders).Where(name => !IsImap(name)).Distinct(StringComparer.Ordinal).ToList();
        if (polled.Count == 0 || _pollCredentials is null)
        {
            Timers.Cancel(PollTimer);
            return;
        }

        Timers.StartSingleTimer("idle", new CloseIdleSession(), settings.CommandSessionIdle);
        var changed = ImmutableArray.CreateBuilder<string>();
        try
        {
            await RunOnSessionAsync(new RunOnMailbox<bool>(_pollCredentials, async context =>
            {
                foreach (var name in polled)
                {
                    var token = await context.Pim.GetTokenAsync(PimWatch.CollectionOf(name)!, context.CancellationToken);
                    if (_pimTokens.TryGetValue(name, out var known) && known != token) changed.Add(name);
                    _pimTokens[name] = token;
                }

                return true;
            }));
        }
        catch (Exception e)
        {
            LogPollFailed(settings.Logger, _accountId, settings.Pim?.PollInterval.TotalSeconds ?? 0, e.Message);
        }

        if (_session is { IsUsable: false }) await CloseSessionAsync();
        if (changed.Count > 0) Notify(changed.ToImmutable(), settings.Clock.GetUtcNow());
    }

    [LoggerMessage(EventId = 1545, Level = LogLevel.Information, Message = "Polling the PIM collections of {User} failed; asking again in {Seconds} s: {Reason}")]
    private static partial void LogPollFailed(ILogger logger, string user, double seconds, string reason);

    /// <summary>An IMAP folder's name, which the watcher session watches, as opposed to a polled collection's.</summary>
    private static bool IsImap(string watchedName) => PimWatch.CollectionOf(watchedName) is null;

    private void Unwatch(string deviceKey)
    {
        if (!_watchers.Remove(deviceKey)) return;
        PublishWatched(null);
        var polled = _watchers.Values.SelectMany(w => w.Folders).Where(name => !IsImap(name)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in _pimTokens.Keys.Where(name => !polled.Contains(name)).ToList()) _pimTokens.Remove(name);
        if (polled.Count == 0) Timers.Cancel(PollTimer);
        if (_watchers.Count == 0) Timers.StartSingleTimer(LingerTimer, new StopWatching(), Linger);
    }

    private async Task OnStopWatchingAsync()
    {
        if (_watchers.Count == 0) await StopWatchingAsync();
    }

    private void PublishWatched(MailCredentials? credentials) =>
        _watched.Set([.. _watchers.Values.SelectMany(w => w.Folders).Where(IsImap).Distinct(StringComparer.Ordinal)], _stamps.ToImmutableDictionary(StringComparer.Ordinal), credentials);

    private void Ready(WatcherReady ready)
    {
        var changed = ready.Stamps.Where(pair => _stamps.TryGetValue(pair.Key, out var known) && known != pair.Value).Select(pair => pair.Key).ToImmutableArray();
        foreach (var (folder, stamp) in ready.Stamps) _stamps[folder] = stamp;
        if (!changed.IsEmpty) Notify(changed, ready.At);
    }

    private void Notify(ImmutableArray<string> folders, DateTimeOffset detectedAt)
    {
        foreach (var (key, (device, watched)) in _watchers)
        {
            var relevant = folders.Where(watched.Contains).ToImmutableArray();
            if (!relevant.IsEmpty) device.Tell(new FoldersChanged(relevant, detectedAt) { DeviceKey = key });
        }
    }

    private async Task StopWatchingAsync()
    {
        _stamps.Clear();
        _pimTokens.Clear();
        Timers.Cancel(PollTimer);
        StopSafetyNet();
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
