using Akka.Actor;
using Eas.Actors.Cluster;
using Akka.Persistence;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Journal;
using Microsoft.Extensions.Logging;

namespace Eas.Actors.Mailboxes;

/// <summary>
/// One account's mailbox, a child of the account's sharded entity. It owns the account's IMAP command session and its
/// folder map (its journal, <see cref="PersistenceIds.Mailbox"/>), and runs the work devices hand it one piece
/// at a time, so an account never has two commands racing on one session. A folder map the work changed is
/// written before the work's answer leaves. The session is opened on demand with the credentials of the
/// request that asked, reopened once if the server dropped an idle connection, and closed after
/// <see cref="MailboxActorSettings.CommandSessionIdle"/> without work (an account whose phones only wait for push
/// holds no command session; the next work reopens one); the password lives only in memory, for as long as the session may need to reconnect.
/// A session that may be in an unknown state (<see cref="IMailSession.IsUsable"/> is false, or the work failed with
/// anything but a refused command) is discarded after that work, so one broken read never poisons the account:
/// the next piece of work, from any device, opens a fresh one.
/// </summary>
public sealed partial class MailboxActor : EntityChildActor, IWithTimers
{
    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private readonly MailboxActorSettings settings;
    private readonly string _accountId;

    private IMailSession? _session;
    private string? _sessionLogin;

    /// <summary>The account's PIM store over <see cref="_session"/>, opened on first use and closed with the session.</summary>
    private Eas.Mail.Pim.IPimStore? _pim;

    /// <summary>The folder map as in the journal.</summary>
    private FolderMap _savedMap = new();

    /// <summary>The folder map the running work sees: <see cref="_savedMap"/> plus what the work staged.</summary>
    private FolderMap _map = new();

    public MailboxActor(MailboxActorSettings settings, string accountId)
        : base(PersistenceIds.Mailbox(accountId), settings.Entity)
    {
        this.settings = settings;
        _accountId = accountId;
    }

    /// <summary>Props of the mailbox of <paramref name="accountId"/>.</summary>
    public static Props PropsFor(MailboxActorSettings settings, string accountId) =>
        Props.Create(() => new MailboxActor(settings, accountId));

    protected override IPersistedMessage Snapshot() => new FolderMapChanged(_savedMap);

    protected override void Restore(IPersistedMessage snapshot) => Apply(snapshot);

    protected override void Apply(IPersistedMessage stored)
    {
        if (stored is FolderMapChanged changed) _savedMap = _map = changed.Map;
    }

    protected override bool Handle(object message)
    {
        switch (message)
        {
            case IMailboxWork work:
                var replyTo = Sender;
                RunTask(() => RunAsync(work, replyTo));
                return true;
            case CloseIdleSession:
                RunTask(CloseSessionAsync);
                return true;
            case WatchFolders watch:
                Watch(watch);
                return true;
            case UnwatchFolders unwatch:
                Unwatch(unwatch.DeviceKey);
                return true;
            case WatcherReady ready:
                Ready(ready);
                return true;
            case WatcherSawChanges changes:
                Notify(changes.FolderNames, changes.DetectedAt);
                return true;
            case MailboxChangesReported reported:
                OnChangesReported(reported);
                return true;
            case RestampWatchedFolders:
                RunTask(RestampAsync);
                return true;
            case PollPimCollections:
                RunTask(PollPimCollectionsAsync);
                return true;
            case StopWatching:
                RunTask(OnStopWatchingAsync);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Stops the watcher loop and closes the IMAP session. Akka's PostStop is synchronous; the session's logout
    /// is bounded by its own timeouts and the loop by the five seconds <see cref="StopWatchingAsync"/> gives it.
    /// </summary>
    protected override void PostStop()
    {
        _ = CloseAllAsync();
        base.PostStop();
    }

    private async Task CloseAllAsync()
    {
        try
        {
            await StopWatchingAsync();
            await CloseSessionAsync();
        }
        catch (Exception e)
        {
            settings.Logger.LogDebug(e, "Closing the mailbox of {Account} failed", _accountId);
        }
    }

    private async Task RunAsync(IMailboxWork work, IActorRef replyTo)
    {
        Timers.StartSingleTimer("idle", new CloseIdleSession(), settings.CommandSessionIdle);
        var reused = _session is not null && _sessionLogin == work.Credentials.Login;
        object? result;
        try
        {
            result = await RunOnSessionAsync(work);
        }
        catch (MailStoreUnavailableException) when (reused)
        {
            await CloseSessionAsync();
            result = await RunGuardedAsync(work, replyTo);
        }
        catch (Exception e)
        {
            await FailAsync(replyTo, e);
            return;
        }

        if (result is null) return;
        if (_session is { IsUsable: false }) await CloseSessionAsync();
        var staged = ReferenceEquals(_map, _savedMap) ? [] : new[] { new FolderMapChanged(_map) };
        PersistThen(staged, replyTo, changed => _savedMap = changed.Map, () => replyTo.Tell(result));
    }

    /// <summary>
    /// One failed piece of work fails only its own ask: the mailbox and its watchers stay up, and what it staged
    /// in the folder map is dropped. The session survives only a refused command (NO or BAD) on a session that
    /// still says it is usable; after anything else the next work opens a fresh one.
    /// </summary>
    private async Task FailAsync(IActorRef replyTo, Exception error)
    {
        _map = _savedMap;
        if (error is not MailKit.Net.Imap.ImapCommandException || _session is { IsUsable: false }) await CloseSessionAsync();
        replyTo.Tell(new Status.Failure(error));
    }

    /// <summary>The retry after a dropped session: its failure is the work's answer; null when it failed.</summary>
    private async Task<object?> RunGuardedAsync(IMailboxWork work, IActorRef replyTo)
    {
        try
        {
            return await RunOnSessionAsync(work);
        }
        catch (Exception e)
        {
            await FailAsync(replyTo, e);
            return null;
        }
    }

    private async Task<object> RunOnSessionAsync(IMailboxWork work)
    {
        if (_session is null || _sessionLogin != work.Credentials.Login)
        {
            await CloseSessionAsync();
            _session = await settings.Sessions.OpenAsync(work.Credentials, CancellationToken.None);
            _sessionLogin = work.Credentials.Login;
        }

        var session = _session;
        var pim = settings.Pim is { } factory
            ? () => _pim ??= factory.Open(new Pim.PimStoreTarget(_accountId, work.Credentials, session))
            : (Func<Eas.Mail.Pim.IPimStore>?)null;
        return await work.RunAsync(new MailboxContext(session, () => _map, map => _map = map, Watch, CancellationToken.None, pim, settings.Pim is { } holds ? name => holds.PimKindOf(_accountId, name) : null, settings.Pim?.Codecs));
    }

    private async Task CloseSessionAsync()
    {
        await ClosePimAsync();
        if (_session is null) return;
        var session = _session;
        _session = null;
        _sessionLogin = null;
        try
        {
            await session.DisposeAsync();
        }
        catch (Exception e)
        {
            settings.Logger.LogDebug(e, "Closing the IMAP session of {Account} failed", _accountId);
        }
    }

    private async Task ClosePimAsync()
    {
        if (_pim is null) return;
        var pim = _pim;
        _pim = null;
        try
        {
            await pim.DisposeAsync();
        }
        catch (Exception e)
        {
            settings.Logger.LogDebug(e, "Closing the PIM store of {Account} failed", _accountId);
        }
    }
}
