using System.Diagnostics;
using System.Net;
using Eas.Actors.Tests.Support;
using Eas.Cluster.Tests.Support;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Xunit.Abstractions;

namespace Eas.Cluster.Tests;

/// <summary>
/// "A store outage answers a retriable error (HTTP 503 with Retry-After ...), never a reset" and "every state change
/// that a response reports is in the journal before the response leaves" (DESIGN.md). With PostgreSQL stopped, a
/// Sync that would hand out new mail under a new key cannot journal that key, so it must be a 503; once
/// PostgreSQL is back, the phones go on from the keys they hold and get that mail exactly once.
/// </summary>
public sealed class JournalOutageTests(DovecotFixture dovecot, PostgresServer postgres, ITestOutputHelper output) : ClusterTest(dovecot, postgres, output)
{
    private const int BudgetSeconds = 150;
    private const int Messages = 3;
    private const int DuringOutage = 2;

    /// <summary>How long a phone keeps trying once PostgreSQL is back: a journal whose circuit breaker opened waits out its reset timeout (<c>Eas:Persistence:BreakerResetTimeoutSeconds</c>, 5 s; Akka.Persistence's own default is 30 s) before it tries the database again.</summary>
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);

    [PostgresFact(Timeout = (BudgetSeconds + CleanupSeconds) * 1000)]
    public Task While_PostgreSQL_is_down_syncs_are_503_with_Retry_After_and_afterwards_nothing_is_lost() =>
        RunAsync(new ClusterSpec(), BudgetSeconds, async (cluster, cancellationToken) =>
        {
            var log = new PhoneLog(Output);
            var nodes = cluster.Nodes;
            var phones = new List<ClusterPhone>();
            var inbox = "";
            for (var i = 0; i < 3; i++)
            {
                var user = MailboxUser.Create(Dovecot, "pgdown");
                for (var m = 1; m <= Messages; m++) await user.DeliverAsync(m);
                var phone = ClusterPhone.Create(user, "PgDown" + i, nodes[i]);
                await phone.ProvisionAsync(nodes[i]);
                await phone.FolderSyncAsync(nodes[(i + 1) % 3]);
                inbox = phone.Phone.IdOf("INBOX");
                await phone.SyncToEndAsync(inbox, nodes, log, cancellationToken);
                phones.Add(phone);
            }

            var outage = Stopwatch.StartNew();
            await Postgres.StopAsync();
            log.Write("PostgreSQL stopped");
            try
            {
                foreach (var phone in phones)
                {
                    for (var m = Messages + 1; m <= Messages + DuringOutage; m++) await phone.User.DeliverAsync(m);
                }

                // Each phone asks once, through the node after the one it started on, so every node is asked; none may
                // hand out the new mail under a key it cannot journal.
                var answers = await Task.WhenAll(phones.Select(async (phone, i) =>
                {
                    var node = nodes[(i + 1) % nodes.Count];
                    var response = await phone.Via(node).Client.PostAsync("Sync", MailRequests.Sync(phone.Client.Version, inbox, phone.Phone.Keys[inbox], 5)).WaitAsync(cancellationToken);
                    var adds = response.Body?.Element(AirSync.Collections)?.Element(AirSync.Collection) is { } collection ? SyncingPhone.AddsOf(collection).Count() : 0;
                    return new OutageAnswer(phone.ToString(), node.ToString(), response.Status, response.Headers.RetryAfter?.Delta, adds);
                }));
                foreach (var answer in answers) log.Write(answer.ToString());
                answers.ShouldAllBe(a => a.Status == HttpStatusCode.ServiceUnavailable && a.RetryAfter != null, "while PostgreSQL is down every Sync is a 503 with Retry-After");
            }
            finally
            {
                await Postgres.StartAsync();
                log.Write($"PostgreSQL started again after {outage.Elapsed.TotalSeconds:0.0} s");
            }

            var back = Stopwatch.StartNew();
            var recovered = await Task.WhenAll(phones.Select(async phone =>
            {
                await phone.SyncToEndAsync(inbox, nodes, log, cancellationToken, patience: Recovery);
                return back.Elapsed;
            }));
            Output.WriteLine($"Every phone had its mail {recovered.Max().TotalSeconds:0.0} s after PostgreSQL was back; {log.Refusals} requests were refused meanwhile.");

            foreach (var phone in phones)
            {
                phone.Received.Count.ShouldBe(Messages + DuringOutage, $"{phone} got {string.Join(", ", phone.Received)}");
                phone.Received.Distinct().Count().ShouldBe(Messages + DuringOutage, $"{phone} got an item twice");
            }
        });

    private sealed record OutageAnswer(string Phone, string Node, HttpStatusCode Status, TimeSpan? RetryAfter, int NewItems);
}
