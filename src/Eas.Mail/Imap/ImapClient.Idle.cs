using System.Runtime.ExceptionServices;
using System.Text;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Protocol;
using Eas.Mail.Imap.Watching;

namespace Eas.Mail.Imap;

/// <summary>
/// IDLE (RFC 2177): waiting for the server to report changes without polling. The socket is awaited, never
/// polled; the only timers are the caller's maximum duration and the command timeout.
/// </summary>
public sealed partial class ImapClient
{
    /// <summary>
    /// The longest one IDLE may last: RFC 2177 section 3 has clients end IDLE within 29 minutes, since servers
    /// may log out a client inactive for 30 (RFC 3501 section 5.4). Re-idle every few minutes instead, which
    /// also notices a dead connection sooner.
    /// </summary>
    public static readonly TimeSpan MaxIdleDuration = TimeSpan.FromMinutes(29);

    private static readonly byte[] IdleDone = Encoding.ASCII.GetBytes("DONE\r\n");

    /// <summary>
    /// Waits for mailbox events with IDLE (RFC 2177): sends IDLE, waits for the continuation, and gathers
    /// the untagged responses that are events (see <see cref="ImapMailboxEvent"/>: EXISTS, EXPUNGE, VANISHED,
    /// FETCH for the selected mailbox; STATUS, LIST and NOTIFICATIONOVERFLOW while NOTIFY is set) until
    /// <paramref name="stopWhen"/> holds for one (null: any event), <paramref name="maxDuration"/> passes or
    /// <paramref name="cancellationToken"/> is cancelled. Then it sends DONE and reads the tagged OK, gathering
    /// what comes meanwhile, and returns; cancellation too returns normally, with
    /// <see cref="ImapIdleStopReason.Cancelled"/>, and the session stays usable.
    /// </summary>
    /// <remarks>
    /// Events queued before the call (e.g. NOTIFY's notifications that arrived with an earlier command) are
    /// taken first; if one satisfies <paramref name="stopWhen"/> the call returns at once without IDLE. Events
    /// gathered go through the queue, so <see cref="TakeMailboxEvents"/> called meanwhile from another thread
    /// takes them from the result. IDLE is allowed without a selected mailbox: with NOTIFY set, that is how a
    /// session watches every mailbox. Dovecot 2.3.19 reports a change about 0.5 s after it happens, and sends
    /// <c>* OK Still here</c> now and then, which is no event.
    /// A server that drops the connection raises <see cref="ImapProtocolException"/> with
    /// <see cref="ImapProtocolException.ConnectionClosed"/>, one that says BYE
    /// <see cref="ImapStoreUnavailableException"/>, and one that answers IDLE or DONE not within
    /// <see cref="ImapClientOptions.CommandTimeout"/> too; in these cases the client is disconnected.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDuration"/> is not positive or exceeds <see cref="MaxIdleDuration"/>.</exception>
    /// <exception cref="InvalidOperationException">Not logged in, or the server does not offer IDLE.</exception>
    /// <exception cref="ImapCommandException">The server refused IDLE.</exception>
    public Task<ImapIdleResult> IdleAsync(Func<ImapMailboxEvent, bool>? stopWhen, TimeSpan maxDuration, CancellationToken cancellationToken = default)
    {
        if (maxDuration <= TimeSpan.Zero || maxDuration > MaxIdleDuration)
            throw new ArgumentOutOfRangeException(nameof(maxDuration), maxDuration, $"IDLE lasts more than zero and at most {MaxIdleDuration.TotalMinutes} minutes (RFC 2177).");
        var stop = stopWhen ?? (static _ => true);

        // The caller's token only asks IDLE to end. The server gets a command timeout for the continuation and
        // another for DONE; the deadline past both is a backstop.
        return RunAsync("IDLE", maxDuration + 3 * _options.CommandTimeout,
            token => IdleCoreAsync(stop, maxDuration, token, cancellationToken), CancellationToken.None);
    }

    private async Task<ImapIdleResult> IdleCoreAsync(
        Func<ImapMailboxEvent, bool> stopWhen, TimeSpan maxDuration, CancellationToken deadline, CancellationToken cancellationToken)
    {
        RequireLoggedIn("IDLE");
        RequireCapability("IDLE", "IDLE");
        if (PendingEventMatches(stopWhen)) return new ImapIdleResult(TakeMailboxEvents(), ImapIdleStopReason.EventMatched);
        if (cancellationToken.IsCancellationRequested) return new ImapIdleResult(TakeMailboxEvents(), ImapIdleStopReason.Cancelled);

        using var stopSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stopSource.CancelAfter(maxDuration);
        using var reads = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        var idle = new IdleWait(this, stopWhen, reads.Token);
        var command = Command("IDLE").Build();
        var tag = NextTag();
        var connection = Connection;
        connection.Write(Encoding.ASCII.GetBytes($"{tag} IDLE\r\n"));
        await connection.FlushAsync(deadline).ConfigureAwait(false);
        try
        {
            reads.CancelAfter(_options.CommandTimeout);
            if (await idle.WaitForContinuationAsync(tag).ConfigureAwait(false) is { } early)
            {
                ThrowIfNotOk(command, early);
                return new ImapIdleResult(TakeMailboxEvents(), ImapIdleStopReason.EndedByServer);
            }

            reads.CancelAfter(Timeout.InfiniteTimeSpan);

            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (stopSource.Token.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), stopped))
            {
                if (await idle.WaitAsync(tag, stopped.Task).ConfigureAwait(false) is { } ended)
                {
                    ThrowIfNotOk(command, ended);
                    idle.RethrowConditionFailure();
                    return new ImapIdleResult(TakeMailboxEvents(), ImapIdleStopReason.EndedByServer);
                }
            }

            var reason = idle.Matched ? ImapIdleStopReason.EventMatched
                : cancellationToken.IsCancellationRequested ? ImapIdleStopReason.Cancelled
                : ImapIdleStopReason.MaxDuration;
            connection.Write(IdleDone);
            await connection.FlushAsync(deadline).ConfigureAwait(false);
            reads.CancelAfter(_options.CommandTimeout);
            ThrowIfNotOk(command, await idle.WaitForCompletionAsync(tag).ConfigureAwait(false));
            idle.RethrowConditionFailure();
            return new ImapIdleResult(TakeMailboxEvents(), reason);
        }
        catch (OperationCanceledException e) when (reads.IsCancellationRequested && !deadline.IsCancellationRequested)
        {
            throw new ImapStoreUnavailableException(
                $"The IMAP server {Address} left IDLE or its DONE unanswered for {_options.CommandTimeout.TotalSeconds:0.###} s.", e);
        }
        finally
        {
            idle.ObservePendingRead();
        }
    }

    /// <summary>
    /// The reading side of one IDLE. At most one read is in flight; when the caller asks IDLE to end, that
    /// read is not cancelled (which would lose its bytes) but awaited after DONE is sent.
    /// </summary>
    private sealed class IdleWait(ImapClient client, Func<ImapMailboxEvent, bool> stopWhen, CancellationToken reads)
    {
        private Task<ImapResponse>? _pending;
        private ExceptionDispatchInfo? _conditionFailure;

        /// <summary>Whether an event satisfied the caller's condition (or the condition threw).</summary>
        public bool Matched { get; private set; }

        /// <summary>Reads until the continuation (returns null) or the tagged completion (returns it).</summary>
        public async Task<ImapResponse?> WaitForContinuationAsync(string tag)
        {
            while (true)
            {
                var response = await NextAsync().ConfigureAwait(false);
                if (response.Kind == ImapResponseKind.Continuation) return null;
                if (IsCompletion(response, tag)) return response;
                Gather(response);
            }
        }

        /// <summary>
        /// Gathers events until one matches or <paramref name="stop"/> completes (returns null), or the server
        /// completes IDLE on its own (returns the completion).
        /// </summary>
        public async Task<ImapResponse?> WaitAsync(string tag, Task stop)
        {
            while (!Matched)
            {
                _pending ??= client.ReadAsync(reads);
                if (await Task.WhenAny(_pending, stop).ConfigureAwait(false) != _pending) return null;
                var response = await NextAsync().ConfigureAwait(false);
                if (response.Kind == ImapResponseKind.Continuation)
                    throw new ImapProtocolException("The IMAP server sent a continuation request during IDLE.");
                if (IsCompletion(response, tag)) return response;
                Gather(response);
            }

            return null;
        }

        /// <summary>After DONE: gathers what comes until the tagged completion, which it returns.</summary>
        public async Task<ImapResponse> WaitForCompletionAsync(string tag)
        {
            while (true)
            {
                var response = await NextAsync().ConfigureAwait(false);
                if (IsCompletion(response, tag)) return response;
                if (response.Kind == ImapResponseKind.Continuation)
                    throw new ImapProtocolException("The IMAP server sent a continuation request after DONE.");
                Gather(response);
            }
        }

        public void RethrowConditionFailure() => _conditionFailure?.Throw();

        /// <summary>Keeps a read abandoned by a failure from surfacing as an unobserved task exception.</summary>
        public void ObservePendingRead()
        {
            if (_pending is { IsCompleted: false } pending)
                _ = pending.ContinueWith(static task => task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        private Task<ImapResponse> NextAsync()
        {
            var next = _pending ?? client.ReadAsync(reads);
            _pending = null;
            return next;
        }

        private static bool IsCompletion(ImapResponse response, string tag)
        {
            if (response.Kind != ImapResponseKind.Tagged) return false;
            return response.Tag == tag ? true : throw new ImapProtocolException($"The IMAP server completed tag {response.Tag} while IDLE ({tag}) was pending.");
        }

        private void Gather(ImapResponse response)
        {
            if (client.QueueMailboxEvent(response, client.Selected?.Name) is not { } change || Matched) return;
            try
            {
                Matched = stopWhen(change);
            }
            catch (Exception e)
            {
                // End IDLE cleanly first, then let the caller see what its condition threw.
                _conditionFailure = ExceptionDispatchInfo.Capture(e);
                Matched = true;
            }
        }
    }
}
