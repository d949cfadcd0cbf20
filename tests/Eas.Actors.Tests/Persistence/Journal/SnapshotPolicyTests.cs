using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Tests.Persistence.Journal;

public sealed class SnapshotPolicyTests
{
    [Fact]
    public void A_snapshot_follows_every_nth_event_and_no_other()
    {
        var policy = new SnapshotPolicy(3);

        Enumerable.Range(0, 10).Where(n => policy.IsDue(n)).ShouldBe([3, 6, 9]);
    }

    [Fact]
    public void Every_event_can_be_snapshotted_but_not_fewer_than_one()
    {
        new SnapshotPolicy(1).IsDue(1).ShouldBeTrue();
        Should.Throw<ArgumentOutOfRangeException>(() => new SnapshotPolicy(0));
    }
}
