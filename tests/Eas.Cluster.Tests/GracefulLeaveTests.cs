using System.Diagnostics;
using System.Net;
using Eas.Actors.Tests.Support;
using Eas.Cluster.Tests.Support;
using Eas.Integration.Tests.Support;
using Xunit.Abstractions;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Cluster.Tests;

/// <summary>
/// A rolling restart: the node that holds a phone's parked Ping (MS-ASCMD 2.2.1.13) leaves gracefully (SIGTERM, the
/// host's coordinated shutdown hands its shards over). The phone talks to the other node, as behind a load balancer; its
/// Ping must be answered Status 1 while the node leaves, well before its heartbeat, so it reconnects at once. Its next
/// Ping parks on the survivor with the state the phone knows (no FolderSync asked for), a new message is pushed to it,
/// and the Sync that follows goes on from the SyncKey the phone holds (no resync). Two nodes: the least that has a survivor.
/// </summary>
public sealed class GracefulLeaveTests(DovecotFixture dovecot, PostgresServer postgres, ITestOutputHelper output) : ClusterTest(dovecot, postgres, output)
{
    private const int BudgetSeconds = 150;
    private const int Messages = 3;
    private const int Heartbeat = 600;

    /// <summary>What "promptly" means here: a hand-off of a few shards, with room for a loaded machine; a tenth of the heartbeat.</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(Heartbeat / 10);

    [PostgresFact(Timeout = (BudgetSeconds + CleanupSeconds) * 1000)]
    public Task A_Ping_held_on_a_node_that_leaves_is_answered_Status_1_at_once_and_parks_again_on_the_survivor() =>
        RunAsync(new ClusterSpec { Nodes = 2 }, BudgetSeconds, async (cluster, cancellationToken) =>
        {
            var log = new PhoneLog(Output);
            var nodes = cluster.Nodes;
            // The leaving node is not the singletons' node: moving them is another test's subject, and would add to the time.
            var singletons = await cluster.SingletonHostAsync(TimeSpan.FromSeconds(15), cancellationToken);
            var leaving = nodes.Single(n => n != singletons);
            var survivor = singletons;
            ClusterPhone? phone = null;
            for (var i = 0; i < 10 && phone is null; i++)
            {
                var user = MailboxUser.Create(Dovecot, "leave");
                for (var m = 1; m <= Messages; m++) await user.DeliverAsync(m);
                var candidate = ClusterPhone.Create(user, "Leave" + i, survivor);
                var host = await Placement.OfFirstRequestAsync(cluster, () => candidate.ProvisionAsync(survivor), cancellationToken);
                if (host == leaving) phone = candidate;
            }

            phone.ShouldNotBeNull($"10 accounts all lived on {survivor}");
            await phone.FolderSyncAsync(survivor);
            var inbox = phone.Phone.IdOf("INBOX");
            await phone.SyncToEndAsync(inbox, [survivor], log, cancellationToken);
            phone.Received.Count.ShouldBe(Messages);

            var ping = phone.Client.PostAsync("Ping", PingRequests.Ping(Heartbeat, inbox));
            await cluster.WaitForAsync(
                $"the Ping is parked on {leaving}, where its account lives",
                views =>
                {
                    if (ping.IsCompleted) throw new ShouldAssertException($"The Ping of a synced phone was answered at once, not parked: {Describe(ping)}");
                    return views.Any(v => v.Node == leaving && v.View.ParkedPings == 1);
                },
                TimeSpan.FromSeconds(15), cancellationToken);

            var sinceLeave = Stopwatch.StartNew();
            await leaving.TerminateAsync();
            log.Write($"{leaving} told to leave (SIGTERM) while it holds the Ping of {phone}");
            var answer = await ping.WaitAsync(Prompt, cancellationToken);
            Output.WriteLine($"Ping answered {Describe(ping)} {sinceLeave.Elapsed.TotalSeconds:0.0} s after SIGTERM (heartbeat {Heartbeat} s).");
            answer.Status.ShouldBe(HttpStatusCode.OK);
            answer.Body.ShouldNotBeNull().ValueOf(PingPage.Status).ShouldBe("1");
            (await leaving.ExitsWithinAsync(Prompt)).ShouldBeTrue($"{leaving} did not exit within {Prompt.TotalSeconds:0} s of SIGTERM");
            Output.WriteLine($"{leaving} exited {sinceLeave.Elapsed.TotalSeconds:0.0} s after SIGTERM.");

            // The phone reconnects at once; while the account's shard finds its new home it may be told 503 and retry.
            var repark = RepingAsync(phone, inbox, survivor, log, cancellationToken);
            await cluster.WaitForAsync(
                $"the new Ping is parked on {survivor}",
                views =>
                {
                    if (repark.IsCompleted) throw new ShouldAssertException($"The Ping sent after the leave was answered at once, not parked: {Describe(repark)}");
                    return views.Any(v => v.Node == survivor && v.View.ParkedPings == 1);
                },
                Prompt, cancellationToken);
            using (var imap = await phone.User.ConnectImapAsync())
                await imap.AppendAsync("INBOX", new MemoryStream("Subject: after the leave\r\n\r\nhello\r\n"u8.ToArray()));

            var pushed = await repark.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            pushed.Body.ShouldNotBeNull().ValueOf(PingPage.Status).ShouldBe("2");
            await phone.SyncOnAsync(inbox, [survivor], log, cancellationToken);
            phone.Received.Count.ShouldBe(Messages + 1, $"{phone} got {string.Join(", ", phone.Received)}");
            phone.Received.Distinct().Count().ShouldBe(Messages + 1, $"{phone} got an item twice");
            Output.WriteLine($"Pushed and synced on from the held key {sinceLeave.Elapsed.TotalSeconds:0.0} s after SIGTERM; {log.Refusals} requests refused meanwhile.");
        });

    /// <summary>The phone's next Ping through <paramref name="survivor"/>, retried on a 503 while the account moves.</summary>
    private static Task<EasResponse> RepingAsync(ClusterPhone phone, string inbox, ClusterNode survivor, PhoneLog log, CancellationToken cancellationToken) =>
        phone.SendAsync("Ping", PingRequests.Ping(Heartbeat, inbox), [survivor], log, cancellationToken, patience: Prompt);

    private static string Describe(Task<EasResponse> ping) => ping.IsCompletedSuccessfully
        ? $"HTTP {(int)ping.Result.Status}, Ping Status {ping.Result.Body?.ValueOf(PingPage.Status)}"
        : $"{ping.Exception?.InnerException?.Message}";
}
