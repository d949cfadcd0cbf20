using Eas.Actors.Devices;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;

namespace Eas.Actors.Tests.Devices;

public sealed class LoopDetectorTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static SyncRequest Sync(string key) => new() { Collections = [new SyncCollectionRequest(key, "5")] };

    [Fact]
    public void The_same_sync_keys_sent_again_and_again_within_the_window_flag_the_device()
    {
        var loops = new LoopDetector(new LoopLimits(SyncKeyReplays: 4));

        for (var i = 0; i < 3; i++) loops.Observe(EasCommand.Sync, Sync("a1"), Start.AddSeconds(i)).ShouldBeNull();
        var report = loops.Observe(EasCommand.Sync, Sync("a1"), Start.AddSeconds(3)).ShouldNotBeNull();

        report.Reason.ShouldContain("5:a1");
        report.Reason.ShouldContain("4 times");
        loops.Current.ShouldBe(report);
    }

    [Fact]
    public void A_phone_that_advances_its_key_or_resends_it_slowly_is_not_flagged()
    {
        var loops = new LoopDetector(new LoopLimits(SyncKeyReplays: 3));

        for (var i = 0; i < 20; i++) loops.Observe(EasCommand.Sync, Sync($"a{i}"), Start.AddSeconds(i)).ShouldBeNull();
        for (var i = 0; i < 20; i++) loops.Observe(EasCommand.Sync, Sync("b1"), Start.AddMinutes(2 * i)).ShouldBeNull("a key resent every two minutes (a poll with nothing new) is no loop");
        loops.Current.ShouldBeNull();
    }

    [Fact]
    public void Pings_re_parked_within_a_tenth_of_their_heartbeat_flag_the_device_and_a_sync_between_resets_the_count()
    {
        var loops = new LoopDetector(new LoopLimits(FastPings: 3));
        var now = Start;

        loops.Observe(EasCommand.Ping, null, now).ShouldBeNull();
        for (var i = 0; i < 2; i++)
        {
            loops.PingParked(now, 300);
            now = now.AddSeconds(5);
            loops.Observe(EasCommand.Ping, null, now).ShouldBeNull();
        }

        loops.PingParked(now, 300);
        loops.Observe(EasCommand.Sync, Sync("a1"), now.AddSeconds(1)).ShouldBeNull("a Ping answered with changes is followed by a Sync");
        loops.Observe(EasCommand.Ping, null, now.AddSeconds(2)).ShouldBeNull();
        for (var i = 0; i < 2; i++)
        {
            loops.PingParked(now, 300);
            now = now.AddSeconds(5);
            loops.Observe(EasCommand.Ping, null, now).ShouldBeNull();
        }

        loops.PingParked(now, 300);
        loops.Observe(EasCommand.Ping, null, now.AddSeconds(29)).ShouldNotBeNull().Reason.ShouldContain("300 s heartbeat");
    }

    [Fact]
    public void Pings_that_last_their_heartbeat_are_no_loop()
    {
        var loops = new LoopDetector(new LoopLimits(FastPings: 2));
        var now = Start;
        for (var i = 0; i < 50; i++)
        {
            loops.Observe(EasCommand.Ping, null, now).ShouldBeNull();
            loops.PingParked(now, 300);
            now = now.AddSeconds(300);
        }
    }
}
