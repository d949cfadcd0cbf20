using Eas.Actors.Tests.Support;
using Eas.Cluster.Tests.Support;
using Eas.Integration.Tests.Support;
using Xunit.Abstractions;

namespace Eas.Cluster.Tests;

/// <summary>
/// A node cut off from the majority is downed by the others' split brain resolver; when it wakes up it must not go on
/// serving from entities that now live elsewhere, nor down the majority: it stops (its own resolver, the others'
/// gossip or the <c>QuarantineGuard</c> downs it), so its service manager can start it as a new member.
/// </summary>
public sealed class DownedNodeTests(DovecotFixture dovecot, PostgresServer postgres, ITestOutputHelper output) : ClusterTest(dovecot, postgres, output)
{
    private const int BudgetSeconds = 120;

    [PostgresFact(Timeout = (BudgetSeconds + CleanupSeconds) * 1000)]
    public Task A_node_downed_while_frozen_stops_when_it_wakes_and_the_others_go_on() =>
        RunAsync(new ClusterSpec(), BudgetSeconds, async (cluster, cancellationToken) =>
        {
            var singletons = await cluster.SingletonHostAsync(TimeSpan.FromSeconds(15), cancellationToken);
            var victim = cluster.Nodes.First(n => n != singletons);
            var survivors = cluster.Nodes.Where(n => n != victim).ToList();

            await victim.FreezeAsync(frozen: true);
            await cluster.WaitForAsync(
                $"the others remove the frozen {victim}",
                views => views.Count(v => survivors.Contains(v.Node) && !v.View.Members.Any(m => m.Address == victim.Address)) == survivors.Count,
                TimeSpan.FromSeconds(60), cancellationToken);
            Output.WriteLine($"{victim} was removed by the others");

            await victim.FreezeAsync(frozen: false);
            (await victim.ExitsWithinAsync(TimeSpan.FromSeconds(40))).ShouldBeTrue($"{victim} kept running after it was downed:\n{victim.LogTail(30)}");
            // Whichever comes first stops it: its own resolver downing itself, the others' gossip that it is down, or the
            // quarantine guard (a peer reports it quarantined this node). Never a decision that downs the majority.
            victim.LogTail(400).ShouldNotContain("SBR took decision Akka.Cluster.SBR.DownUnreachable", Case.Sensitive, "the woken node must not down the majority");

            var phone = ClusterPhone.Create(MailboxUser.Create(Dovecot, "downed"), "Downed1", survivors[0]);
            await phone.ProvisionAsync(survivors[0]);
        });
}
