using Akka.Actor;
using Akka.Cluster;
using Akka.Remote;
using Eas.Actors.Cluster;
using Eas.Actors.Tests.Sync.Calendar;

namespace Eas.Actors.Tests.Cluster;

/// <summary>
/// The <see cref="QuarantineGuard"/> on a real cluster of one (loopback, a free port): a peer's notice that it has
/// quarantined this node downs the node (event 5860); a quarantine of another node by this one leaves it alone. The
/// cluster behaviour end to end (a node frozen, woken, downed) is <c>DownedNodeTests</c>.
/// </summary>
public sealed class QuarantineGuardTests() : Akka.TestKit.Xunit2.TestKit("""
    akka.actor.provider = cluster
    akka.remote.dot-netty.tcp.hostname = 127.0.0.1
    akka.remote.dot-netty.tcp.port = 0
    akka.cluster.run-coordinated-shutdown-when-down = off
    akka.coordinated-shutdown.run-by-actor-system-terminate = off
    akka.coordinated-shutdown.terminate-actor-system = off
    """)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly Address Peer = new("akka.tcp", "eas", "127.0.0.1", 1);

    [Fact]
    public async Task A_peers_notice_that_it_quarantined_this_node_downs_the_node()
    {
        var (cluster, log) = await StartGuardAsync();

        Sys.EventStream.Publish(new ThisActorSystemQuarantinedEvent(cluster.SelfAddress, Peer));

        // A cluster of one goes from down to removed and shuts its cluster down at once; after that its view of itself
        // may stay as it last was, so the cluster's end counts too.
        AwaitCondition(() => cluster.IsTerminated || cluster.SelfMember.Status is MemberStatus.Down or MemberStatus.Removed, Deadline);
        var line = Lines(log).ShouldHaveSingleItem();
        line.EventId.ShouldBe(5860);
        line.Message.ShouldContain(Peer.ToString());
    }

    [Fact]
    public async Task A_quarantine_of_another_node_leaves_this_one_up()
    {
        var (cluster, log) = await StartGuardAsync();

        Sys.EventStream.Publish(new QuarantinedEvent(Peer, 42));

        // Nothing to wait for but time: the guard would down the node within moments of the event.
        ExpectNoMsg(TimeSpan.FromSeconds(2));
        cluster.SelfMember.Status.ShouldBe(MemberStatus.Up);
        Lines(log).ShouldBeEmpty();
    }

    private async Task<(Akka.Cluster.Cluster Cluster, CapturingLogger<QuarantineGuard> Log)> StartGuardAsync()
    {
        var cluster = Akka.Cluster.Cluster.Get(Sys);
        cluster.Join(cluster.SelfAddress);
        AwaitCondition(() => cluster.SelfMember.Status == MemberStatus.Up, Deadline);
        var log = new CapturingLogger<QuarantineGuard>();
        var guard = Sys.ActorOf(Props.Create(() => new QuarantineGuard(log)), QuarantineGuard.Name);
        // Subscribed in PreStart: once it answers, it hears what is published.
        await guard.Ask<ActorIdentity>(new Identify(null), Deadline);
        return (cluster, log);
    }

    private static List<(int EventId, string Message)> Lines(CapturingLogger<QuarantineGuard> log)
    {
        lock (log.Lines) return [.. log.Lines];
    }
}
