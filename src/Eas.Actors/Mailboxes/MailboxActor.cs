using Akka.Actor;
using Eas.Actors.Cluster;
using Eas.Actors.Persistence;
using Eas.Mail.Imap;
using Microsoft.Extensions.Logging;

namespace Eas.Actors.Mailboxes;

/// <summary>
/// One account's mailbox, a child of the account's sharded entity. It owns the account's IMAP command session and its
/// folder map, and runs the work devices hand it one piece at a time, so an account never has two commands
/// racing on one session. The session is opened on demand with the credentials of the request that asked,
/// reopened once if the server dropped an idle connection, and closed after <see cref="IdleSession"/>; the
/// password lives only in memory, for as long as the session may need to reconnect.
/// </summary>
public sealed partial class MailboxActor : EntityChildActor
{
    public const string FolderMapKind = "folders";
    private static readonly TimeSpan IdleSession = TimeSpan.FromMinutes(2);

    private readonly MailboxActorSettings settings;
    private readonly string _accountId;
    private readonly JsonEntityStore<FolderMap> _mapStore;

    private IMailSession? _session;
    private string? _sessionLogin;
    private FolderMap? _map;
    private long _mapVersion;

    public MailboxActor(MailboxActorSettings settings, string accountId)
        : base(settings.IdleTimeout)
    {
        this.settings = settings;
        _accountId = accountId;
        _mapStore = new(settings.Store, FolderMapKind);
        ReceiveAsync<IMailboxWork>(work => RunAsync(work, Sender));
        ReceiveAsync<CloseIdleSession>(_ => CloseSessionAsync());
        Receive<WatchFolders>(Watch);
        Receive<UnwatchFolders>(unwatch => Unwatch(unwatch.DeviceKey));
        Receive<WatcherReady>(Ready);
        Receive<WatcherSawChanges>(changes => Notify(changes.FolderNames, changes.DetectedAt));
        ReceiveAsync<StopWatching>(_ => OnStopWatchingAsync());
    }

    /// <summary>Props of the mailbox of <paramref name="accountId"/>.</summary>
    public static Props PropsFor(MailboxActorSettings settings, string accountId) =>
        Props.Create(() => new MailboxActor(settings, accountId));

    /// <summary>
    /// Stops the watcher loop and closes the IMAP session. Akka's PostStop is synchronous; the session's logout
    /// is bounded by its own timeouts and the loop by the five seconds <see cref="StopWatchingAsync"/> gives it.
    /// </summary>
    protected override void PostStop() => _ = CloseAllAsync();

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
        Timers.StartSingleTimer("idle", new CloseIdleSession(), IdleSession);
        var reused = _session is not null && _sessionLogin == work.Credentials.Login;
        try
        {
            await RunOnSessionAsync(work, replyTo);
        }
        catch (ImapProtocolException) when (reused)
        {
            await CloseSessionAsync();
            await RunGuardedAsync(work, replyTo);
        }
        catch (Exception e)
        {
            await FailAsync(replyTo, e);
        }
    }

    /// <summary>
    /// One failed piece of work fails only its own ask: the mailbox, its watchers and its session stay up. A
    /// broken connection closes the session (the next work reconnects); a refused command does not.
    /// </summary>
    private async Task FailAsync(IActorRef replyTo, Exception error)
    {
        if (error is ImapProtocolException or ImapStoreUnavailableException or IOException) await CloseSessionAsync();
        replyTo.Tell(new Status.Failure(error is ImapProtocolException ? new ImapStoreUnavailableException("The IMAP session broke.", error) : error));
    }

    private async Task RunGuardedAsync(IMailboxWork work, IActorRef replyTo)
    {
        try
        {
            await RunOnSessionAsync(work, replyTo);
        }
        catch (Exception e)
        {
            await FailAsync(replyTo, e);
        }
    }

    private async Task RunOnSessionAsync(IMailboxWork work, IActorRef replyTo)
    {
        if (_map is null)
        {
            var (map, version) = await _mapStore.LoadAsync(_accountId);
            (_map, _mapVersion) = (map ?? new FolderMap(), version);
        }

        if (_session is null || _sessionLogin != work.Credentials.Login)
        {
            await CloseSessionAsync();
            _session = await settings.Sessions.OpenAsync(work.Credentials, CancellationToken.None);
            _sessionLogin = work.Credentials.Login;
        }

        await work.RunAsync(new MailboxContext(_session, () => _map!, SaveMapAsync, Watch, CancellationToken.None), replyTo);
    }

    private async Task SaveMapAsync(FolderMap map)
    {
        _mapVersion = await _mapStore.SaveAsync(_accountId, map, _mapVersion);
        _map = map;
    }

    private async Task CloseSessionAsync()
    {
        if (_session is null) return;
        var session = _session;
        _session = null;
        _sessionLogin = null;
        try
        {
            await session.DisposeAsync();
        }
        catch (Exception e) when (e is ImapException or IOException)
        {
            settings.Logger.LogDebug(e, "Closing the IMAP session of {Account} failed", _accountId);
        }
    }
}
