using Eas.Load.Reporting;

namespace Eas.Load.Tests.Reporting;

public class PhaseLogTests
{
    [Fact]
    public void Each_phase_ends_where_the_next_begins_and_End_closes_the_last()
    {
        var now = TimeSpan.Zero;
        var log = new PhaseLog(() => now);

        log.Begin("setup");
        now = TimeSpan.FromSeconds(10);
        log.Begin("hold");
        now = TimeSpan.FromSeconds(25);
        log.End();
        now = TimeSpan.FromSeconds(40);

        log.Phases.ShouldBe([new Phase("setup", TimeSpan.Zero, TimeSpan.FromSeconds(10)), new Phase("hold", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(25))]);
        log.Phases[1].Duration.ShouldBe(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void A_phase_still_running_is_shown_up_to_now()
    {
        var now = TimeSpan.FromSeconds(3);
        var log = new PhaseLog(() => now);
        log.Begin("drain");
        now = TimeSpan.FromSeconds(5);

        log.Phases.ShouldHaveSingleItem().Duration.ShouldBe(TimeSpan.FromSeconds(2));
    }
}
