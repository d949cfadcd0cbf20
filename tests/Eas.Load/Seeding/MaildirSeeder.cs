using System.Diagnostics;
using Eas.Load.Safety;
using Eas.Mail.LocalDovecot;

namespace Eas.Load.Seeding;

/// <summary>
/// Fills a private Dovecot's INBOX by writing maildir files directly (<see cref="DovecotInstance.DeliverAsync(string, ReadOnlyMemory{byte}, bool, CancellationToken)"/>),
/// an order of magnitude faster than APPEND for the tens of thousands of messages a benchmark wants. Each
/// file's modification time is set to the message's Date, because Dovecot's maildir takes a message's
/// internal date (what EAS reports as DateReceived) from it.
/// </summary>
internal sealed class MaildirSeeder(DovecotInstance dovecot, string user, MessageFactory messages)
{
    private const int Writers = 4;

    public async Task<SeedResult> RunAsync(int count, Action onWritten, RunDeadline deadline)
    {
        var clock = Stopwatch.StartNew();
        var written = 0;
        long bytes = 0;
        string? stopReason = null;
        try
        {
            // The first delivery creates the maildir; the rest may then run side by side.
            if (count > 0)
            {
                bytes = await DeliverAsync(0, deadline.Token);
                written = 1;
                onWritten();
            }

            var options = new ParallelOptions { MaxDegreeOfParallelism = Writers, CancellationToken = deadline.Token };
            await Parallel.ForAsync(1, count, options, async (index, token) =>
            {
                Interlocked.Add(ref bytes, await DeliverAsync(index, token));
                Interlocked.Increment(ref written);
                onWritten();
            });
        }
        catch (OperationCanceledException) when (deadline.IsOver)
        {
            stopReason = deadline.StopReason;
        }

        return new SeedResult(count, written, bytes, clock.Elapsed, 0, null, stopReason);
    }

    private async Task<int> DeliverAsync(int index, CancellationToken cancellationToken)
    {
        var message = messages.Create(index);
        var path = await dovecot.DeliverAsync(user, message.Bytes, message.Seen, cancellationToken);
        File.SetLastWriteTimeUtc(path, message.Date.UtcDateTime);
        return message.Bytes.Length;
    }
}
