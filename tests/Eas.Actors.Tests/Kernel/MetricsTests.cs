using Eas.Actors.Kernel;
using Eas.Actors.Tests.Kernel.TestKit;
using static Eas.Actors.Tests.Kernel.TestKit.Counter;

namespace Eas.Actors.Tests.Kernel;

public sealed class MetricsTests
{
    private static readonly TimeSpan Long = TimeSpan.FromHours(1);

    [Fact]
    public async Task Mailbox_depth_is_recorded_at_enqueue_and_the_deepest_mailbox_is_observable()
    {
        await using var test = new TestSystem();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = test.System.Spawn("blocked", () => new Blocking(started, release.Task));
        actor.Tell("block");
        await started.Task.Within();

        for (var i = 0; i < 5; i++)
        {
            actor.Tell("queued");
        }

        test.Metrics.Gauge("eas.actor.mailbox.deepest", "blocked").ShouldBe(5);
        test.Metrics.Values("eas.actor.mailbox.depth").Max().ShouldBe(5);
        release.SetResult();
        await Eventually.True(() => test.Metrics.Gauge("eas.actor.mailbox.deepest", "blocked") == 0, "the mailbox drains");
    }

    [Fact]
    public async Task Live_entities_activations_and_dead_letters_are_counted_by_kind()
    {
        await using var test = new TestSystem();
        var store = new CounterStore();
        var devices = test.System.CreateRegion("device", id => new Counter(id, store));
        var mailboxes = test.System.CreateRegion("mailbox", id => new Counter(id, store));
        foreach (var id in new[] { "a", "b", "c" })
        {
            await devices.Ask<int>(id, r => new GetValue(r), Long).Within();
        }

        await mailboxes.Ask<int>("a", r => new GetValue(r), Long).Within();

        test.Metrics.Gauge("eas.actor.entity.active", "device").ShouldBe(3);
        test.Metrics.Gauge("eas.actor.entity.active", "mailbox").ShouldBe(1);
        test.Metrics.Sum("eas.actor.activations", "device").ShouldBe(3);
        test.Metrics.Sum("eas.actor.activations", "mailbox").ShouldBe(1);

        await test.System.ShutdownAsync().Within();
        devices.Tell("a", new Increment());
        test.Metrics.Sum("eas.actor.dead_letters", "device").ShouldBe(1);
        test.Metrics.Gauge("eas.actor.entity.active", "device").ShouldBe(0);
    }

    private sealed class Blocking(TaskCompletionSource started, Task release) : Actor
    {
        protected override async Task ReceiveAsync(object message)
        {
            if ((string)message == "block")
            {
                started.SetResult();
                await release;
            }
        }
    }
}
