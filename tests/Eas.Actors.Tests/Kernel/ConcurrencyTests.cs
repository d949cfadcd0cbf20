using Eas.Actors.Kernel;
using Eas.Actors.Tests.Kernel.TestKit;

namespace Eas.Actors.Tests.Kernel;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task An_actor_handles_one_message_at_a_time_under_many_senders()
    {
        await using var test = new TestSystem();
        var probe = new InFlightProbe();
        var actor = test.System.Spawn("guarded", () => new Guarded(probe));

        var senders = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                actor.Tell(new Work(i % 10 == 0));
            }
        })).ToArray();
        await Task.WhenAll(senders).Within();

        var handled = await actor.Ask<int>(r => new CountHandled(r), TimeSpan.FromSeconds(10)).Within();
        handled.ShouldBe(8_000);
        probe.MaxInFlight.ShouldBe(1);
    }

    [Fact]
    public async Task Many_entities_run_in_parallel_but_each_one_alone()
    {
        await using var test = new TestSystem();
        var probes = Enumerable.Range(0, 16).Select(_ => new InFlightProbe()).ToArray();
        var region = test.System.CreateRegion("guarded", id => new Guarded(probes[int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)]));

        var senders = Enumerable.Range(0, 4).Select(sender => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                region.Tell((i % 16).ToString(System.Globalization.CultureInfo.InvariantCulture), new Work(i % 7 == 0));
            }
        })).ToArray();
        await Task.WhenAll(senders).Within();

        var total = 0;
        for (var id = 0; id < 16; id++)
        {
            total += await region.Ask<int>(id.ToString(System.Globalization.CultureInfo.InvariantCulture), r => new CountHandled(r), TimeSpan.FromSeconds(10)).Within();
        }

        total.ShouldBe(8_000);
        probes.ShouldAllBe(p => p.MaxInFlight == 1);
    }

    private sealed record Work(bool Hop);

    private sealed record CountHandled(ReplyTo<int> ReplyTo);

    private sealed class InFlightProbe
    {
        private int _inFlight;
        private int _max;

        public int MaxInFlight => Volatile.Read(ref _max);

        public void Enter()
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }
        }

        public void Exit() => Interlocked.Decrement(ref _inFlight);
    }

    private sealed class Guarded(InFlightProbe probe) : Actor
    {
        private int _handled;

        protected override async Task ReceiveAsync(object message)
        {
            probe.Enter();
            try
            {
                switch (message)
                {
                    case Work work:
                        _handled++;
                        if (work.Hop)
                        {
                            await Task.Yield();
                        }

                        break;
                    case CountHandled count:
                        count.ReplyTo.Reply(_handled);
                        break;
                }
            }
            finally
            {
                probe.Exit();
            }
        }
    }
}
