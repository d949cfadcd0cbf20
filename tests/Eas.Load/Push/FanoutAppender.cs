using System.Diagnostics;
using Eas.Load.Seeding;
using MailKit;
using MailKit.Net.Imap;
using MimeKit;

namespace Eas.Load.Push;

/// <summary>
/// One new message in every mailbox at once. Before the clock: one IMAP session per account, signed in (at most
/// <c>concurrency</c> sign-ins at a time), and each message parsed. Then every session's APPEND (RFC 3501 6.3.11) is
/// released together; the ledger's clock for an account starts when its APPEND's tagged OK arrives. A session that
/// failed to sign in or to append is counted, and nothing is owed for it.
/// </summary>
internal sealed class FanoutAppender(PlainImap endpoint, string password, PushLedger ledger) : IAsyncDisposable
{
    private const int BodyBytes = 2_000;
    private static readonly TimeSpan AppendTimeout = TimeSpan.FromSeconds(60);

    private readonly List<(int Account, ImapClient Client, MimeMessage Message)> _sessions = [];
    private int _failed;
    private string? _firstFailure;

    public int Failed => Volatile.Read(ref _failed);

    public string? FirstFailure => _firstFailure;

    public int Sessions => _sessions.Count;

    /// <summary>Time from releasing the APPENDs to the last one completed.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>When the APPENDs were released (a <see cref="Stopwatch"/> timestamp); 0 before.</summary>
    public long StartedAt { get; private set; }

    /// <summary>Signs in one session for each of <paramref name="accounts"/> (index, user).</summary>
    public async Task SignInAsync(IReadOnlyList<(int Index, string User)> accounts, int concurrency, CancellationToken token)
    {
        using var gate = new SemaphoreSlim(concurrency);
        var lockObject = new Lock();
        await Task.WhenAll(accounts.Select(async account =>
        {
            await gate.WaitAsync(token);
            try
            {
                var client = await endpoint.SignInAsync(account.User, password, token);
                var bytes = new MessageFactory(account.User, BodyBytes, 1).Create(0).Bytes;
                using var stream = new MemoryStream(bytes, writable: false);
                var message = await MimeMessage.LoadAsync(stream, token);
                DeliveryMark.Stamp(message, account.Index + 1);
                lock (lockObject) _sessions.Add((account.Index, client, message));
            }
            catch (Exception e) when (PlainImap.IsFailure(e))
            {
                Fail(e);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>Releases every APPEND at once and waits for all of them.</summary>
    public async Task AppendAllAsync(CancellationToken token)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var appends = _sessions.Select(async session =>
        {
            await go.Task;
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(token);
            limit.CancelAfter(AppendTimeout);
            var delivery = ledger.Begin(session.Account + 1, session.Account);
            try
            {
                await session.Client.Inbox.AppendAsync(new AppendRequest(session.Message, MessageFlags.None, DateTimeOffset.UtcNow), limit.Token);
                PushLedger.Complete(delivery);
            }
            catch (Exception e) when (PlainImap.IsFailure(e) || e is OperationCanceledException)
            {
                ledger.Withdraw(delivery);
                if (!token.IsCancellationRequested) Fail(e);
            }
        }).ToList();
        StartedAt = Stopwatch.GetTimestamp();
        go.SetResult();
        await Task.WhenAll(appends);
        Elapsed = Stopwatch.GetElapsedTime(StartedAt);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_sessions.Select(async session =>
        {
            try
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await session.Client.DisconnectAsync(quit: true, limit.Token);
            }
            catch (Exception e) when (PlainImap.IsFailure(e) || e is OperationCanceledException)
            {
            }
            finally
            {
                session.Client.Dispose();
            }
        }));
    }

    private void Fail(Exception e)
    {
        Interlocked.Increment(ref _failed);
        Interlocked.CompareExchange(ref _firstFailure, $"{e.GetType().Name}: {e.Message}", null);
    }
}
