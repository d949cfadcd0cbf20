using Eas.Actors.Kernel;
using Eas.Actors.Tests.Kernel.TestKit;

namespace Eas.Actors.Tests.Kernel;

public sealed class OrderingTests
{
    [Fact]
    public async Task Ten_thousand_messages_arrive_in_order()
    {
        await using var test = new TestSystem();
        var recorder = test.System.Spawn("recorder", () => new Recorder());

        for (var i = 0; i < 10_000; i++)
        {
            recorder.Tell(i);
        }

        var seen = await recorder.Ask<List<int>>(r => new GetSeen(r), TimeSpan.FromSeconds(10)).Within();
        seen.ShouldBe(Enumerable.Range(0, 10_000));
    }

    [Fact]
    public async Task Each_sender_s_messages_reach_an_entity_in_the_order_sent()
    {
        await using var test = new TestSystem();
        var region = test.System.CreateRegion("ordered", _ => new PerSenderOrder());

        var senders = Enumerable.Range(0, 4).Select(sender => Task.Run(async () =>
        {
            for (var seq = 0; seq < 2_500; seq++)
            {
                region.Tell("one", new Numbered(sender, seq));
                if (seq % 100 == 0)
                {
                    await Task.Yield();
                }
            }
        })).ToArray();
        await Task.WhenAll(senders).Within();

        var (count, outOfOrder) = await region.Ask<(int, int)>("one", r => new GetOrderReport(r), TimeSpan.FromSeconds(10)).Within();
        count.ShouldBe(10_000);
        outOfOrder.ShouldBe(0);
    }

    private sealed record GetSeen(ReplyTo<List<int>> ReplyTo);

    private sealed record Numbered(int Sender, int Sequence);

    private sealed record GetOrderReport(ReplyTo<(int Count, int OutOfOrder)> ReplyTo);

    private sealed class Recorder : Actor
    {
        private readonly List<int> _seen = [];

        protected override Task ReceiveAsync(object message)
        {
            switch (message)
            {
                case int value:
                    _seen.Add(value);
                    break;
                case GetSeen get:
                    get.ReplyTo.Reply([.. _seen]);
                    break;
            }

            return Task.CompletedTask;
        }
    }

    private sealed class PerSenderOrder : Actor
    {
        private readonly Dictionary<int, int> _next = [];
        private int _count;
        private int _outOfOrder;

        protected override Task ReceiveAsync(object message)
        {
            switch (message)
            {
                case Numbered numbered:
                    _count++;
                    if (_next.GetValueOrDefault(numbered.Sender) != numbered.Sequence)
                    {
                        _outOfOrder++;
                    }

                    _next[numbered.Sender] = numbered.Sequence + 1;
                    break;
                case GetOrderReport report:
                    report.ReplyTo.Reply((_count, _outOfOrder));
                    break;
            }

            return Task.CompletedTask;
        }
    }
}
