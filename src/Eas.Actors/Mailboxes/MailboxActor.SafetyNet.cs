using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Eas.Actors.Mailboxes;

/// <summary>
/// Push in <see cref="PushMode.Webhook"/>: the mail server's posts arrive as <see cref="MailboxChangesReported"/> and are
/// fanned out like a watcher's changes (<see cref="Notify"/>), and no watcher session is opened. While any device
/// waits, a safety net re-stamps the watched folders every <see cref="MailboxActorSettings.SafetyNetInterval"/> on the
/// command session (STATUS, RFC 3501 6.3.10) and reports those whose stamp moved, so a post that was lost (the mail
/// server could not reach us, a change made behind the mail server's back) delays a push by at most that interval. A
/// tick that had to open the session closes it again at once: holding it for <see cref="MailboxActorSettings.CommandSessionIdle"/>
/// after every tick kept every waiting account's session open two fifths of the time with the defaults (120 s of 300 s).
/// </summary>
public sealed partial class MailboxActor
{
    private const string SafetyNetTimer = "push-safety-net";

    /// <summary>The newest credentials a watching device brought, for the safety net's STATUS commands.</summary>
    private MailCredentials? _safetyNetCredentials;

    private bool WatchesThroughWebhook => settings.Push == PushMode.Webhook;

    /// <summary>
    /// Starts the safety net (or keeps it going) for a device that parks. A device's baseline that is newer than the
    /// stamp known (it synced after the last push) replaces it, so the next tick does not report a change it has seen.
    /// </summary>
    private void WatchThroughWebhook(WatchFolders watch)
    {
        _safetyNetCredentials = watch.Credentials;
        foreach (var (folder, stamp) in watch.Baseline)
        {
            if (_stamps.TryGetValue(folder, out var known) && IsNewer(stamp, known)) _stamps[folder] = stamp;
        }

        if (!Timers.IsTimerActive(SafetyNetTimer)) Timers.StartPeriodicTimer(SafetyNetTimer, new RestampWatchedFolders(), settings.SafetyNetInterval);
    }

    /// <summary>Same epoch (UIDVALIDITY) and further along: a later UIDNEXT or HIGHESTMODSEQ (RFC 7162 3.1.2).</summary>
    public static bool IsNewer(FolderStamp candidate, FolderStamp known) =>
        candidate.UidValidity == known.UidValidity && (candidate.HighestModSeq > known.HighestModSeq || candidate.UidNext > known.UidNext);

    private void OnChangesReported(MailboxChangesReported reported)
    {
        if (_watchers.Count == 0) return;
        Notify(reported.FolderNames, reported.ReportedAt);
    }

    /// <summary>One tick of the safety net: STATUS of every watched IMAP folder, changes reported, stamps kept.</summary>
    private async Task RestampAsync()
    {
        var watched = _watchers.Values.SelectMany(w => w.Folders).Where(IsImap).Distinct(StringComparer.Ordinal).ToList();
        if (watched.Count == 0 || _safetyNetCredentials is null)
        {
            StopSafetyNet();
            return;
        }

        // A tick that finds no command session opens one for its STATUS only and logs it out right after, so that an
        // account whose phones only wait holds no IMAP session between ticks; it does not prolong a session work opened.
        var openedForTheTick = _session is null;
        var stamped = new Dictionary<string, FolderStamp>(StringComparer.Ordinal);
        try
        {
            await RunOnSessionAsync(new RunOnMailbox<bool>(_safetyNetCredentials, async context =>
            {
                foreach (var name in watched)
                {
                    try
                    {
                        stamped[name] = await context.Session.StampAsync(name, context.CancellationToken);
                    }
                    catch (MailKit.FolderNotFoundException)
                    {
                        // A watched folder that is gone: the device learns of it from its next FolderSync.
                    }
                }

                return true;
            }));
        }
        catch (Exception e)
        {
            LogSafetyNetFailed(settings.Logger, _accountId, settings.SafetyNetInterval.TotalSeconds, e.Message);
        }

        if (openedForTheTick || _session is { IsUsable: false }) await CloseSessionAsync();
        var changed = stamped.Where(pair => _stamps.TryGetValue(pair.Key, out var known) && known != pair.Value).Select(pair => pair.Key).ToImmutableArray();
        foreach (var (folder, stamp) in stamped) _stamps[folder] = stamp;
        if (changed.IsEmpty) return;
        LogSafetyNetFound(settings.Logger, _accountId, string.Join(", ", changed));
        Notify(changed, settings.Clock.GetUtcNow());
    }

    private void StopSafetyNet()
    {
        Timers.Cancel(SafetyNetTimer);
        _safetyNetCredentials = null;
    }

    [LoggerMessage(4800, LogLevel.Information, "The push safety net found changes no webhook reported for {User} in {Folders}")]
    private static partial void LogSafetyNetFound(ILogger logger, string user, string folders);

    [LoggerMessage(4801, LogLevel.Information, "The push safety net could not stamp the folders of {User}; trying again in {Seconds} s: {Reason}")]
    private static partial void LogSafetyNetFailed(ILogger logger, string user, double seconds, string reason);
}
