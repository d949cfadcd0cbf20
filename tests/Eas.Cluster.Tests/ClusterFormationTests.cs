using Eas.Actors.Cluster;
using Eas.Actors.Tests.Support;
using Eas.Cluster.Tests.Support;
using Eas.Integration.Tests.Support;
using Xunit.Abstractions;

namespace Eas.Cluster.Tests;

/// <summary>Three processes started with the same seed become one cluster, with one home for the singletons and accounts spread over the nodes.</summary>
public sealed class ClusterFormationTests(DovecotFixture dovecot, PostgresServer postgres, ITestOutputHelper output) : ClusterTest(dovecot, postgres, output)
{
    private const int BudgetSeconds = 90;
    private const int Accounts = 9;

    [PostgresFact(Timeout = (BudgetSeconds + CleanupSeconds) * 1000)]
    public Task Three_nodes_form_one_cluster_with_one_singleton_host_and_shards_on_several_nodes() =>
        RunAsync(new ClusterSpec(), BudgetSeconds, async (cluster, cancellationToken) =>
        {
            var singletons = await cluster.SingletonHostAsync(TimeSpan.FromSeconds(15), cancellationToken);
            var addresses = cluster.Nodes.Select(n => n.Address).ToList();
            foreach (var (node, view) in await cluster.ViewsAsync(cancellationToken))
            {
                view.SelfAddress.ShouldBe(node.Address);
                view.Members.Select(m => m.Address).ShouldBe(addresses, ignoreOrder: true, $"{node} sees other members");
                view.Members.ShouldAllBe(m => m.Status == "up" && m.Reachable, $"{node}: {view}");
                view.SingletonsHere.ShouldBe(node == singletons, $"{node}: {view}");
            }

            // Each account's first request starts its entity on the shard's node; the coordinator gives a new shard to
            // the node with the fewest, so nine accounts cannot all land on one node.
            var users = Enumerable.Range(0, Accounts).Select(_ => MailboxUser.Create(Dovecot, "form")).ToList();
            var answers = await Task.WhenAll(users.Select(async (user, i) =>
            {
                var phone = ClusterPhone.Create(user, "Form" + i, cluster.Nodes[i % 3]);
                var response = await phone.Client.PostAsync("Provision", EasRequests.ProvisionDownload(EasRequests.EasPolicyType));
                return $"{user.Address} via {phone.Node}: HTTP {(int)response.Status}";
            }));
            // Whether a node answers for an account that lives elsewhere is RoamingPhoneTests' subject; here only where the shards went.
            foreach (var answer in answers) Output.WriteLine(answer);

            var extractor = new AccountMessageExtractor(AccountMessageExtractor.DefaultShards);
            // The fixture's readiness probe started an entity of its own account too.
            var shards = users.Select(u => u.Address).Append(ClusterFixture.ReadinessAccount).Select(a => extractor.ShardId(a)).Distinct().Count();
            var spread = await cluster.WaitForAsync(
                $"the {shards} shards of {Accounts} accounts are hosted once each, on more than one node",
                views => views.Count == 3 && views.Sum(v => v.View.Shards) == shards && views.Count(v => v.View.Shards > 0) > 1,
                TimeSpan.FromSeconds(20), cancellationToken);
            foreach (var (node, view) in spread) Output.WriteLine($"{node}: {view}");
        });
}
