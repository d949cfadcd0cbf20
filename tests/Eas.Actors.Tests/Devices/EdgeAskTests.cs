using Akka.Actor;
using Akka.Event;
using Eas.Actors.Cluster;
using Eas.Actors.Devices;
using Eas.Actors.Tests.TestKit;
using Eas.Actors.Timing;
using Eas.Wire.Commands.Ping;
using Eas.Wire.Http;

namespace Eas.Actors.Tests.Devices;

/// <summary>
/// The edge's one ask per request (<see cref="DeviceRegion.ExecuteAsync"/>, an <c>EdgeAsk</c>): it ends once, with the
/// device's answer, its deadline on the wheel (virtual time) or the phone hanging up, and each way it leaves nothing
/// behind: no temporary actor under <c>/temp</c>, no running ask, no deadline on the wheel.
/// </summary>
public sealed class EdgeAskTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task The_answer_ends_the_ask_and_its_temporary_actor_is_gone()
    {
        var region = CreateTestProbe();
        using var wheel = new DeadlineWheel(_clock, TimeSpan.FromSeconds(1));
        var devices = new DeviceRegion(region.Ref, wheel);

        var ping = devices.ExecuteAsync(PhoneRequests.For(EasCommand.Ping), TimeSpan.FromMinutes(30), CancellationToken.None);
        region.ExpectMsg<AccountEnvelope>().Message.ShouldBeOfType<ExecuteDeviceCommand>();
        var asker = region.LastSender;
        asker.Path.ToString().ShouldContain("/temp/");
        var provider = ((IInternalActorRef)asker).Provider;
        provider.ResolveActorRef(asker.Path).ShouldBeSameAs(asker, "a reply from another node finds the ask by its path");
        wheel.Pending.ShouldBe(1);

        asker.Tell(new RespondWith(new PingResponse(PingStatus.ChangesFound)));

        ((RespondWith)await ping.WaitAsync(Wait)).Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.ChangesFound);
        devices.AsksRunning.ShouldBe(0);
        wheel.Pending.ShouldBe(0);
        provider.ResolveActorRef(asker.Path).ShouldNotBeSameAs(asker);
    }

    [Fact]
    public async Task Its_deadline_on_the_wheel_ends_it_with_an_ask_timeout_and_a_late_answer_is_a_dead_letter()
    {
        var region = CreateTestProbe();
        using var wheel = new DeadlineWheel(_clock, TimeSpan.FromSeconds(1));
        var devices = new DeviceRegion(region.Ref, wheel);
        var sync = devices.ExecuteAsync(PhoneRequests.For(EasCommand.Sync), TimeSpan.FromSeconds(30), CancellationToken.None);
        region.ExpectMsg<AccountEnvelope>();
        var asker = region.LastSender;

        _clock.Advance(TimeSpan.FromSeconds(29));
        sync.IsCompleted.ShouldBeFalse();
        _clock.Advance(TimeSpan.FromSeconds(2));

        await Should.ThrowAsync<AskTimeoutException>(sync.WaitAsync(Wait));
        devices.AsksRunning.ShouldBe(0);
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        asker.Tell(new RespondWith(new PingResponse(PingStatus.ChangesFound)));
        deadLetters.ExpectMsg<DeadLetter>(letter => letter.Message is RespondWith);
    }

    [Fact]
    public async Task A_phone_that_hangs_up_ends_the_ask_cancelled_and_its_device_is_told_after_the_command()
    {
        var region = CreateTestProbe();
        using var wheel = new DeadlineWheel(_clock, TimeSpan.FromSeconds(1));
        var devices = new DeviceRegion(region.Ref, wheel);
        using var hangUp = new CancellationTokenSource();
        var ping = devices.ExecuteAsync(PhoneRequests.For(EasCommand.Ping), TimeSpan.FromMinutes(30), hangUp.Token);
        var command = (ExecuteDeviceCommand)region.ExpectMsg<AccountEnvelope>().Message;

        await hangUp.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(ping.WaitAsync(Wait));
        var abandon = region.ExpectMsg<AccountEnvelope>();
        abandon.Message.ShouldBeOfType<AbandonRequest>().RequestId.ShouldBe(command.RequestId);
        abandon.Child.ShouldBe(AccountChild.Device(command.Request.Line.DeviceId));
        devices.AsksRunning.ShouldBe(0);
        wheel.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task Without_a_wheel_the_ask_keeps_its_own_timer()
    {
        var region = CreateTestProbe();
        var devices = new DeviceRegion(region.Ref);

        var sync = devices.ExecuteAsync(PhoneRequests.For(EasCommand.Sync), TimeSpan.FromMilliseconds(200), CancellationToken.None);

        await Should.ThrowAsync<AskTimeoutException>(sync.WaitAsync(Wait));
        devices.AsksRunning.ShouldBe(0);
    }
}
