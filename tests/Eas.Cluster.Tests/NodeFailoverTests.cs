using System.Diagnostics;
using Eas.Actors.Tests.Support;
using Eas.Cluster.Tests.Support;
using Eas.Integration.Tests.Support;
using Xunit.Abstractions;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Cluster.Tests;

/// <summary>
/// "A node that dies loses nothing: its entities start on another node from the journal" (DESIGN.md). The node
/// that hosts two accounts is killed with SIGKILL while one phone of each account is in the middle of a sync
/// (it holds a key with more items pending) and another is parked on a Ping through that node. Their next
/// requests, on the surviving nodes, must go on with the keys they hold, and a new message must be pushed to
/// the Ping they park again. A third phone of the first account parks its Ping through a surviving node: its
/// connection never drops, and the Ping must be answered (Status 1) once the dead node is removed, not left to the
/// phone's own timeout.
/// </summary>
public sealed class NodeFailoverTests(DovecotFixture dovecot, PostgresServer postgres, ITestOutputHelper output) : ClusterTest(dovecot, postgres, output)
{
    private const int BudgetSeconds = 170;
    private const int Messages = 10;

    /// <summary>How long an affected phone keeps trying: detection (10 s pause), the resolver (7 s), rebalancing, one lost ask (15 s), with room.</summary>
    private static readonly TimeSpan Failover = TimeSpan.FromSeconds(90);

    [PostgresFact(Timeout = (BudgetSeconds + CleanupSeconds) * 1000)]
    public Task Phones_of_a_killed_node_go_on_from_their_keys_on_the_survivors_and_are_pushed_to_again() =>
        RunAsync(new ClusterSpec(), BudgetSeconds, async (cluster, cancellationToken) =>
        {
            var log = new PhoneLog(Output);
            var nodes = cluster.Nodes;
            // The victim is not the singletons' node: moving the license is the next test's subject, not this one's.
            var singletons = await cluster.SingletonHostAsync(TimeSpan.FromSeconds(15), cancellationToken);
            var accounts = new List<Account>();
            for (var i = 0; i < 12 && Choose(accounts, singletons) is null; i++)
            {
                var user = MailboxUser.Create(Dovecot, "fail");
                for (var m = 1; m <= Messages; m++) await user.DeliverAsync(m);
                var midSync = ClusterPhone.Create(user, "MidSync", nodes[i % 3]);
                var host = await Placement.OfFirstRequestAsync(cluster, () => midSync.ProvisionAsync(nodes[i % 3]), cancellationToken);
                log.Write($"{user.Address} lives on {host}");
                accounts.Add(new Account(user, host, midSync, ClusterPhone.Create(user, "Parked", host)));
            }

            var (victim, affected, control) = Choose(accounts, singletons)
                ?? throw new ShouldAssertException($"12 accounts did not put two on one node and one on another: {string.Join(", ", accounts.Select(a => a.Host.Number))}");
            var inbox = "";
            foreach (var account in affected.Append(control))
            {
                await account.MidSync.FolderSyncAsync(account.Host);
                inbox = account.MidSync.Phone.IdOf("INBOX");
                await account.MidSync.SyncOnAsync(inbox, [account.Host], log, cancellationToken);
                await account.MidSync.SyncOnAsync(inbox, [account.Host], log, cancellationToken, windowSize: 3);
                account.MidSync.Received.Count.ShouldBe(3);
            }

            var parked = new List<Task<EasResponse>>();
            foreach (var account in affected)
            {
                // The parked phone talks to the account's own node, as behind a load balancer that hashes on the user.
                await account.Parked.ProvisionAsync(victim);
                await account.Parked.FolderSyncAsync(victim);
                await account.Parked.SyncToEndAsync(inbox, [victim], log, cancellationToken);
                parked.Add(account.Parked.Client.PostAsync("Ping", PingRequests.Ping(300, inbox)));
            }

            var elsewhere = control.Host;
            var remote = ClusterPhone.Create(affected[0].User, "Remote", elsewhere);
            await remote.ProvisionAsync(elsewhere);
            await remote.FolderSyncAsync(elsewhere);
            await remote.SyncToEndAsync(inbox, [elsewhere], log, cancellationToken);
            var remotePing = remote.Client.PostAsync("Ping", PingRequests.Ping(300, inbox));

            await cluster.WaitForAsync(
                "the three Pings are parked on the victim",
                views =>
                {
                    if (parked.Append(remotePing).FirstOrDefault(p => p.IsCompleted) is { } early)
                        throw new ShouldAssertException($"A Ping of a synced phone was answered at once, not parked: {Describe(early)}");
                    return views.Any(v => v.Node == victim && v.View.ParkedPings == 3);
                },
                TimeSpan.FromSeconds(10), cancellationToken);

            var sinceKill = Stopwatch.StartNew();
            await cluster.KillAsync(victim);
            log.Write($"killed {victim} (kill -9) with {affected.Count} accounts: {string.Join(", ", affected.Select(a => a.User.Address))}");
            foreach (var ping in parked) await Should.ThrowAsync<HttpRequestException>(ping.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken));
            var survivors = cluster.Running;
            // Its node answers it once the victim is removed: heartbeat 300 s, so only that can answer it within the failover.
            var remoteAnswer = await remotePing.WaitAsync(Failover, cancellationToken);
            log.Write($"{remote}'s Ping through {elsewhere} answered {Describe(remotePing)}, {sinceKill.Elapsed.TotalSeconds:0.0} s after the kill");
            remoteAnswer.Body.ShouldNotBeNull().ValueOf(PingPage.Status).ShouldBe("1");

            var phones = affected.SelectMany(a => new[] { a.MidSync, a.Parked }).ToList();
            var answeredAfter = await Task.WhenAll(phones.Select(async phone =>
            {
                await phone.SyncOnAsync(inbox, survivors, log, cancellationToken, windowSize: 3, patience: Failover);
                log.Write($"{phone} answered again by {phone.Node}, {sinceKill.Elapsed.TotalSeconds:0.0} s after the kill");
                return sinceKill.Elapsed;
            }));
            Output.WriteLine($"Failover: {answeredAfter.Max().TotalSeconds:0.0} s from kill -9 until every affected phone ({phones.Count}) was answered again; {log.Refusals} requests refused or unanswered meanwhile.");

            foreach (var account in affected.Append(control)) await account.MidSync.SyncToEndAsync(inbox, survivors, log, cancellationToken, windowSize: 3);
            var repark = affected.Select(a => a.Parked.Via(survivors[0]).Client.PostAsync("Ping", PingRequests.Ping(120, inbox))).ToList();
            await cluster.WaitForAsync(
                "both phones parked their Ping again",
                views =>
                {
                    if (repark.FirstOrDefault(p => p.IsCompleted) is { } early)
                        throw new ShouldAssertException($"A Ping sent after the failover was answered at once, not parked: {Describe(early)}");
                    return views.Sum(v => v.View.ParkedPings) == 2;
                },
                TimeSpan.FromSeconds(15), cancellationToken);
            foreach (var account in affected)
            {
                using var imap = await account.User.ConnectImapAsync();
                await imap.AppendAsync("INBOX", new MemoryStream("Subject: after the failover\r\n\r\nhello\r\n"u8.ToArray()));
            }

            foreach (var ping in repark)
                (await ping.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken)).Body.ShouldNotBeNull().ValueOf(PingPage.Status).ShouldBe("2");
            foreach (var phone in phones) await phone.SyncToEndAsync(inbox, survivors, log, cancellationToken);

            foreach (var phone in phones.Append(control.MidSync))
            {
                var expected = Messages + (phone == control.MidSync ? 0 : 1);
                phone.Received.Count.ShouldBe(expected, $"{phone} got {string.Join(", ", phone.Received)}");
                phone.Received.Distinct().Count().ShouldBe(expected, $"{phone} got an item twice");
            }
        });

    /// <summary>
    /// Two accounts on one node that does not run the singletons (the victim and its accounts), and one account on
    /// another node (the control, which must not notice anything); null until the placement allows it.
    /// </summary>
    private static (ClusterNode Victim, IReadOnlyList<Account> Affected, Account Control)? Choose(List<Account> accounts, ClusterNode singletons)
    {
        foreach (var group in accounts.GroupBy(a => a.Host).Where(g => g.Key != singletons && g.Count() >= 2))
        {
            if (accounts.FirstOrDefault(a => a.Host != group.Key) is { } control) return (group.Key, [.. group.Take(2)], control);
        }

        return null;
    }

    private static string Describe(Task<EasResponse> ping) => ping.IsCompletedSuccessfully
        ? $"HTTP {(int)ping.Result.Status}, Ping Status {ping.Result.Body?.ValueOf(PingPage.Status)}"
        : $"{ping.Exception?.InnerException?.Message}";

    /// <summary>An account, the node its entity lives on, a phone in the middle of a sync and a phone that parks a Ping.</summary>
    private sealed record Account(MailboxUser User, ClusterNode Host, ClusterPhone MidSync, ClusterPhone Parked);
}
