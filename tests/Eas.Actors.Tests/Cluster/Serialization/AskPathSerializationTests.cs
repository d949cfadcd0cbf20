using System.Collections.Concurrent;
using System.Net;
using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Eas.Actors.Accounts;
using Eas.Actors.Cluster;
using Eas.Actors.Devices;
using Eas.Actors.Persistence;
using Eas.Wire.Commands;
using Eas.Wire.Commands.Ping;
using Eas.Wire.Http;
using Eas.Wire.Tests.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Eas.Actors.Tests.Cluster.Serialization;

/// <summary>
/// The request path of the edge through the real account shard region and entity, on a node that serializes every
/// message between actors (<c>akka.actor.serialize-messages = on</c>): each hop delivers a copy made by the
/// serializer, as if it had crossed the network. The device is a stand-in that records what arrived and answers
/// what the test registered for the request. Akka does not serialize a reply to an ask's temporary actor, so the
/// replies are received by an <see cref="Inbox"/>, a real actor whose messages are serialized too (it hands a
/// <see cref="Status.Failure"/> over as its exception).
/// </summary>
public sealed class AskPathSerializationTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private readonly ConcurrentQueue<object> _arrived = new();
    private readonly ConcurrentDictionary<Guid, object> _answers = new();
    private IHost? _host;

    private ActorSystem System => _host!.Services.GetRequiredService<ActorSystem>();

    private IActorRef Accounts => _host!.Services.GetRequiredService<ActorRegistry>().Get<AccountEntityActor>();

    public static TheoryData<string> Commands => ["Sync", "Ping", "Provision", "ItemOperations"];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_request_reaches_the_device_as_a_serialized_copy_and_its_answer_comes_back(string command)
    {
        var document = ClusterSamples.RequestDocuments.First(d => d.Command == command);
        var request = ClusterSamples.Request(document);
        var answer = new RespondWith(new PingResponse(PingStatus.ChangesFound) { Folders = ["5"] });
        var devices = new DeviceRegion(Accounts);

        var outcome = await devices.ExecuteAsync(request with { EmailAddress = StandInDevice.Register(_answers, answer) }, Deadline, CancellationToken.None);

        outcome.ShouldBe(answer);
        var arrived = _arrived.OfType<ExecuteDeviceCommand>().Single();
        arrived.Request.ShouldBeStructurallyEqual(request with { EmailAddress = arrived.Request.EmailAddress }, document.ToString());
        arrived.Request.Body.ShouldNotBeSameAs(request.Body);
        arrived.Request.Credentials.ShouldNotBeSameAs(request.Credentials);
    }

    [Fact]
    public async Task A_phone_that_hangs_up_abandons_its_parked_request_on_the_device()
    {
        var request = ClusterSamples.Request(EasCommand.Ping, ProtocolVersion.V141, new PingRequest { HeartbeatInterval = 480 });
        using var hangUp = new CancellationTokenSource();

        var parked = new DeviceRegion(Accounts).ExecuteAsync(request with { EmailAddress = "park" }, Deadline, hangUp.Token);
        await Eventually(() => _arrived.OfType<ExecuteDeviceCommand>().Any());
        await hangUp.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(parked);
        await Eventually(() => _arrived.OfType<AbandonRequest>().Any());
        _arrived.OfType<AbandonRequest>().Single().RequestId.ShouldBe(_arrived.OfType<ExecuteDeviceCommand>().Single().RequestId);
    }

    [Fact]
    public async Task The_devices_state_comes_back()
    {
        var state = await new DeviceRegion(Accounts).GetStateAsync("mike@ox.io", "ApplF17XK2QJ", Deadline);

        state.ShouldBeStructurallyEqual(ClusterSamples.DeviceState);
    }

    public static TheoryData<string> Outcomes => ["respond", "content", "provisioning", "refused", "http", "empty", "not-implemented", "not-found", "store-failure", "imap-failure", "timeout"];

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task Every_answer_of_a_device_reaches_the_asker_as_a_serialized_copy(string which)
    {
        var (answer, check) = Answer(which);
        var request = ClusterSamples.Request(EasCommand.Sync, ProtocolVersion.V161, null) with { EmailAddress = StandInDevice.Register(_answers, answer) };
        var inbox = Inbox.Create(System);

        Accounts.Tell(ClusterSamples.Envelope(new ExecuteDeviceCommand(request, Guid.NewGuid())), inbox.Receiver);
        object reply;
        try
        {
            reply = await inbox.ReceiveAsync(Deadline);
        }
        catch (Exception e) when (answer is Status.Failure)
        {
            reply = new Status.Failure(e);
        }

        reply.ShouldNotBeSameAs(answer);
        check(reply);
    }

    public async Task InitializeAsync()
    {
        var entity = new AccountEntitySettings(
            _ => Actors.Tests.TestKit.TestCluster.Unused("a gate"),
            _ => Actors.Tests.TestKit.TestCluster.Unused("a mailbox"),
            (_, _) => StandInDevice.PropsFor(_arrived, _answers));
        _host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka(ClusterSettings.SystemName, akka => ServerSerialization.Configure(akka)
                .AddHocon("akka.actor.serialize-messages = on", HoconAddMode.Prepend)
                .WithShardRegion<AccountEntityActor>(
                    EasActorsHosting.AccountsTypeName,
                    accountId => AccountEntityActor.PropsFor(accountId, entity),
                    new AccountMessageExtractor(10),
                    new ShardOptions { RememberEntities = false, ShouldPassivateIdleEntities = false })))
            .Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is null) return;
        await _host.StopAsync();
        _host.Dispose();
    }

    private static (object Answer, Action<object> Check) Answer(string which)
    {
        var response = ResponseCorpus.Writers["Sync/response-14.1-commands.xml"].Target!;
        return which switch
        {
            "respond" => (new RespondWith((IEasResponse)response), reply => reply.ShouldBeOfType<RespondWith>().Response.ShouldBeStructurallyEqual(response)),
            "content" => (new RespondWithContent("image/png", new MemoryStream([1, 2, 3])), reply =>
            {
                var content = reply.ShouldBeOfType<RespondWithContent>();
                content.ContentType.ShouldBe("image/png");
                content.Content.ShouldBeOfType<MemoryStream>().ToArray().ShouldBe([1, 2, 3]);
            }),
            "provisioning" => Same(new ProvisioningRequired(PolicyVerdict.NotProvisioned)),
            "refused" => Same(new AccessRefused(AccessRefusal.ServiceDisabled)),
            "http" => Same(new RespondHttpStatus((int)HttpStatusCode.ServiceUnavailable)),
            "empty" => Same(new RespondEmpty()),
            "not-implemented" => Same(new CommandNotImplemented()),
            "not-found" => Same(new AttachmentNotFound()),
            "store-failure" => Failure(new StoreUnavailableException("The journal is gone.")),
            "imap-failure" => Failure(new Eas.Actors.Mailboxes.MailStoreUnavailableException("The IMAP server said BYE.")),
            "timeout" => Failure(new AskTimeoutException("The mailbox did not answer.")),
            _ => throw new ArgumentOutOfRangeException(nameof(which)),
        };

        static (object, Action<object>) Same(CommandOutcome outcome) => (outcome, reply => reply.ShouldBe(outcome));

        static (object, Action<object>) Failure(Exception cause) => (new Status.Failure(cause), reply =>
        {
            var arrived = reply.ShouldBeOfType<Status.Failure>().Cause;
            arrived.ShouldNotBeSameAs(cause);
            arrived.GetType().ShouldBe(cause.GetType());
            arrived.Message.ShouldBe(cause.Message);
        });
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The condition did not become true.");
            await Task.Delay(20);
        }
    }
}
