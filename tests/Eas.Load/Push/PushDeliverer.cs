using Eas.Load.Seeding;
using MailKit;

namespace Eas.Load.Push;

/// <summary>
/// New mail during the hold: <c>count</c> messages, one at a time, spread evenly over the hold (delivery
/// <c>k</c> of <c>n</c> at <c>k * hold / (n + 1)</c>), each to an account drawn at random (a fixed seed, so
/// runs are comparable). Each is an IMAP APPEND (RFC 3501 6.3.11) with MailKit's <see cref="MailKit.Net.Imap.ImapClient"/> in a
/// session of the account's own, logged in before the clock starts; the ledger's clock for a delivery starts
/// when the APPEND's tagged OK has arrived. After a failover (<see cref="DeliverToEachAsync"/>) every account gets one
/// message, one after the other.
/// </summary>
internal sealed class PushDeliverer(PlainImap endpoint, IReadOnlyList<string> accounts, string password, PushLedger ledger)
{
    private const int Seed = 20_250_101;
    private const int BodyBytes = 2_000;
    private static readonly TimeSpan AppendTimeout = TimeSpan.FromSeconds(30);

    private int _delivered;
    private int _failed;
    private string? _firstFailure;
    private int _lastNumber;

    public int Delivered => Volatile.Read(ref _delivered);

    public int Failed => Volatile.Read(ref _failed);

    public string? FirstFailure => _firstFailure;

    /// <summary>Delivers <paramref name="count"/> messages over <paramref name="hold"/>; ends early when <paramref name="token"/> is cancelled.</summary>
    public async Task RunAsync(int count, TimeSpan hold, CancellationToken token)
    {
        var random = new Random(Seed);
        var spacing = hold / (count + 1);
        var start = TimeProvider.System.GetTimestamp();
        for (var number = 1; number <= count; number++)
        {
            var due = spacing * number - TimeProvider.System.GetElapsedTime(start);
            try
            {
                if (due > TimeSpan.Zero) await Task.Delay(due, token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await DeliverAsync(number, random.Next(accounts.Count), token);
        }
    }

    /// <summary>One message to each of the first <paramref name="count"/> accounts, one after the other; ends early when <paramref name="token"/> is cancelled.</summary>
    public async Task DeliverToEachAsync(int count, CancellationToken token)
    {
        for (var account = 0; account < count && !token.IsCancellationRequested; account++) await DeliverAsync(_lastNumber + 1, account, token);
    }

    private async Task DeliverAsync(int number, int account, CancellationToken token)
    {
        _lastNumber = number;
        var user = accounts[account];
        var message = new MessageFactory(user, BodyBytes, 1).Create(0);
        PushLedger.Delivery? delivery = null;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(token);
        limit.CancelAfter(AppendTimeout);
        try
        {
            using var client = await endpoint.SignInAsync(user, password, limit.Token);
            using var stream = new MemoryStream(message.Bytes, writable: false);
            var parsed = await MimeKit.MimeMessage.LoadAsync(stream, limit.Token);
            DeliveryMark.Stamp(parsed, number);
            delivery = ledger.Begin(number, account);
            await client.Inbox.AppendAsync(new AppendRequest(parsed, MessageFlags.None, DateTimeOffset.UtcNow), limit.Token);
            PushLedger.Complete(delivery);
            Interlocked.Increment(ref _delivered);
            await client.DisconnectAsync(quit: true, limit.Token);
        }
        catch (Exception e) when (PlainImap.IsFailure(e) || e is OperationCanceledException)
        {
            // Once the APPEND is done the message is there, whatever LOGOUT does.
            if (delivery is not null && Volatile.Read(ref delivery.CompletedAt) != 0) return;
            if (delivery is not null) ledger.Withdraw(delivery);
            if (token.IsCancellationRequested) return;
            Interlocked.Increment(ref _failed);
            Interlocked.CompareExchange(ref _firstFailure, $"{e.GetType().Name}: {e.Message}", null);
        }
    }
}
