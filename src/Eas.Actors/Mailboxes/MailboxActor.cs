using Eas.Actors.Kernel;
using Eas.Actors.Persistence;
using Eas.Mail.Imap;
using Microsoft.Extensions.Logging;

namespace Eas.Actors.Mailboxes;

/// <summary>
/// One account's mailbox (entity id: the account id). It owns the account's IMAP command session and its
/// folder map, and runs the work devices hand it one piece at a time, so an account never has two commands
/// racing on one session. The session is opened on demand with the credentials of the request that asked,
/// reopened once if the server dropped an idle connection, and closed after <see cref="IdleSession"/>; the
/// password lives only in memory, for as long as the session may need to reconnect.
/// </summary>
public sealed partial class MailboxActor(MailboxActorSettings settings) : Actor
{
    public const string Kind = "mailbox";
    public const string FolderMapKind = "folders";
    private static readonly TimeSpan IdleSession = TimeSpan.FromMinutes(2);

    private readonly JsonEntityStore<FolderMap> _mapStore = new(settings.Store, FolderMapKind);

    private IMailSession? _session;
    private string? _sessionLogin;
    private FolderMap _map = new();
    private long _mapVersion;

    protected internal override async Task PreStartAsync()
    {
        var (map, version) = await _mapStore.LoadAsync(Context.EntityId!);
        (_map, _mapVersion) = (map ?? new FolderMap(), version);
    }

    protected internal override async Task ReceiveAsync(object message)
    {
        switch (message)
        {
            case IMailboxWork work:
                await RunAsync(work);
                break;
            case CloseIdleSession:
                await CloseSessionAsync();
                break;
            case WatchFolders watch:
                Watch(watch);
                break;
            case UnwatchFolders unwatch:
                Unwatch(unwatch.DeviceKey);
                break;
            case WatcherReady ready:
                Ready(ready);
                break;
            case WatcherSawChanges changes:
                Notify(changes.FolderNames, changes.DetectedAt);
                break;
            case StopWatching:
                await OnStopWatchingAsync();
                break;
        }
    }

    protected internal override async Task PostStopAsync()
    {
        await StopWatchingAsync();
        await CloseSessionAsync();
    }

    private async Task RunAsync(IMailboxWork work)
    {
        Context.Timers.StartSingle("idle", new CloseIdleSession(), IdleSession);
        var reused = _session is not null && _sessionLogin == work.Credentials.Login;
        try
        {
            await RunOnSessionAsync(work);
        }
        catch (ImapProtocolException) when (reused)
        {
            await CloseSessionAsync();
            await RunGuardedAsync(work);
        }
        catch (Exception e)
        {
            await FailAsync(work, e);
        }
    }

    /// <summary>
    /// One failed piece of work fails only its own ask: the mailbox, its watchers and its session stay up. A
    /// broken connection closes the session (the next work reconnects); a refused command does not.
    /// </summary>
    private async Task FailAsync(IMailboxWork work, Exception error)
    {
        if (error is ImapProtocolException or ImapStoreUnavailableException or IOException) await CloseSessionAsync();
        work.Fail(error is ImapProtocolException ? new ImapStoreUnavailableException("The IMAP session broke.", error) : error);
    }

    private async Task RunGuardedAsync(IMailboxWork work)
    {
        try
        {
            await RunOnSessionAsync(work);
        }
        catch (Exception e)
        {
            await FailAsync(work, e);
        }
    }

    private async Task RunOnSessionAsync(IMailboxWork work)
    {
        if (_session is null || _sessionLogin != work.Credentials.Login)
        {
            await CloseSessionAsync();
            _session = await settings.Sessions.OpenAsync(work.Credentials, CancellationToken.None);
            _sessionLogin = work.Credentials.Login;
        }

        await work.RunAsync(new MailboxContext(_session, () => _map, SaveMapAsync, Watch, CancellationToken.None));
    }

    private async Task SaveMapAsync(FolderMap map)
    {
        _mapVersion = await _mapStore.SaveAsync(Context.EntityId!, map, _mapVersion);
        _map = map;
    }

    private async Task CloseSessionAsync()
    {
        Context.Timers.Cancel("idle");
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
            Context.Logger.LogDebug(e, "Closing the IMAP session of {Account} failed", Context.EntityId);
        }
    }
}
