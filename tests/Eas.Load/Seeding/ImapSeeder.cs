using System.Diagnostics;
using Eas.Load.Safety;
using MailKit;

namespace Eas.Load.Seeding;

/// <summary>
/// Fills a user's INBOX through IMAP APPEND (RFC 3501 6.3.11) with MailKit's <see cref="MailKit.Net.Imap.ImapClient"/>: several
/// sessions, each logged in once, take the next message number from a shared counter until all are written or
/// the deadline passes. Each message keeps its Date as internal date and read ones carry \Seen, so the
/// mailbox looks as if it had filled over time. A session that fails stops; the others go on.
/// </summary>
internal sealed class ImapSeeder(PlainImap endpoint, string user, string password, MessageFactory messages)
{

    private int _next = -1;
    private int _written;
    private long _bytes;
    private int _errors;
    private string? _firstError;

    /// <summary>Appends <paramref name="count"/> messages over <paramref name="sessions"/> connections; <paramref name="onWritten"/> is called after each.</summary>
    public async Task<SeedResult> RunAsync(int count, int sessions, Action onWritten, RunDeadline deadline)
    {
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Math.Clamp(sessions, 1, count)).Select(_ => WorkAsync(count, onWritten, deadline.Token));
        await Task.WhenAll(workers);
        return new SeedResult(count, _written, _bytes, clock.Elapsed, _errors, _firstError, _written < count ? deadline.StopReason : null);
    }

    private async Task WorkAsync(int count, Action onWritten, CancellationToken cancellationToken)
    {
        try
        {
            using var client = await endpoint.SignInAsync(user, password, cancellationToken);
            for (var index = Interlocked.Increment(ref _next); index < count; index = Interlocked.Increment(ref _next))
            {
                var message = messages.Create(index);
                using var stream = new MemoryStream(message.Bytes, writable: false);
                var parsed = await MimeKit.MimeMessage.LoadAsync(stream, cancellationToken);
                await client.Inbox.AppendAsync(new AppendRequest(parsed, message.Seen ? MessageFlags.Seen : MessageFlags.None, message.Date), cancellationToken);
                Interlocked.Increment(ref _written);
                Interlocked.Add(ref _bytes, message.Bytes.Length);
                onWritten();
            }

            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (PlainImap.IsFailure(e))
        {
            Interlocked.Increment(ref _errors);
            Interlocked.CompareExchange(ref _firstError, $"{e.GetType().Name}: {e.Message}", null);
        }
    }
}
