using System.Diagnostics;
using Eas.Actors.Tests.Support;
using Eas.Cluster.Tests.Support;
using Eas.Integration.Tests.Support;
using Xunit.Abstractions;

namespace Eas.Cluster.Tests;

/// <summary>
/// Growing the cluster: a node that joins later is given shards by the coordinator's rebalancing, so the entities
/// of those shards stop on their old node and start on the new one. The phones of those accounts, syncing all the
/// while through every node, must not notice: no 503, no unknown key, no item lost or doubled.
/// </summary>
public sealed class NodeJoinTests(DovecotFixture dovecot, PostgresServer postgres, ITestOutputHelper output) : ClusterTest(dovecot, postgres, output)
{
    private const int BudgetSeconds = 150;
    private const int Accounts = 8;
    private const int Messages = 3;

    [PostgresFact(Timeout = (BudgetSeconds + CleanupSeconds) * 1000)]
    public Task A_node_added_later_takes_shards_and_the_phones_do_not_notice() =>
        RunAsync(new ClusterSpec { Nodes = 2 }, BudgetSeconds, async (cluster, cancellationToken) =>
        {
            var log = new PhoneLog(Output);
            var phones = new List<ClusterPhone>();
            var inbox = "";
            for (var i = 0; i < Accounts; i++)
            {
                var user = MailboxUser.Create(Dovecot, "join");
                for (var m = 1; m <= Messages; m++) await user.DeliverAsync(m);
                var phone = ClusterPhone.Create(user, "Join" + i, cluster.Nodes[i % 2]);
                await phone.ProvisionAsync(cluster.Nodes[i % 2]);
                await phone.FolderSyncAsync(cluster.Nodes[(i + 1) % 2]);
                inbox = phone.Phone.IdOf("INBOX");
                await phone.SyncToEndAsync(inbox, cluster.Running, log, cancellationToken);
                phones.Add(phone);
            }

            var stop = false;
            var traffic = phones.Select(phone => Task.Run(
                async () =>
                {
                    while (!Volatile.Read(ref stop))
                    {
                        await phone.SyncToEndAsync(inbox, cluster.Running, log, cancellationToken);
                        await Task.Delay(300, cancellationToken);
                    }
                },
                cancellationToken)).ToList();
            void ThrowIfAPhoneFailed()
            {
                if (traffic.FirstOrDefault(t => t.IsFaulted) is { } failed) failed.GetAwaiter().GetResult();
            }

            var joining = Stopwatch.StartNew();
            var newcomer = await cluster.StartNodeAsync(cancellationToken);
            log.Write($"{newcomer} is up in the cluster after {joining.Elapsed.TotalSeconds:0.0} s");
            ThrowIfAPhoneFailed();
            var views = await cluster.WaitForAsync(
                $"{newcomer} hosts shards and serves accounts",
                views =>
                {
                    ThrowIfAPhoneFailed();
                    return views.Any(v => v.Node == newcomer && v.View.Shards > 0 && v.View.ShardedEntities > 0);
                },
                TimeSpan.FromSeconds(60), cancellationToken);
            Output.WriteLine($"{newcomer} took shards {joining.Elapsed.TotalSeconds:0.0} s after it was started:");
            foreach (var (node, view) in views) Output.WriteLine($"  {node}: {view}");

            foreach (var phone in phones) await phone.User.DeliverAsync(Messages + 1);
            await Task.Delay(3000, cancellationToken);
            Volatile.Write(ref stop, true);
            await Task.WhenAll(traffic);
            foreach (var phone in phones) await phone.SyncToEndAsync(inbox, cluster.Running, log, cancellationToken);

            foreach (var phone in phones)
            {
                phone.Received.Count.ShouldBe(Messages + 1, $"{phone} got {string.Join(", ", phone.Received)}");
                phone.Received.Distinct().Count().ShouldBe(Messages + 1, $"{phone} got an item twice");
            }

        });
}
