using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using MemberStatus = Akka.Cluster.MemberStatus;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Eas.Actors.Cluster;
using Eas.Actors.Cluster.Serialization;
using Eas.Actors.Devices;
using Eas.Actors.Persistence;
using Eas.Wire.Commands;
using Eas.Wire.Http;
using Eas.Wire.Tests.Commands;
using Eas.Wire.Wbxml;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Eas.Actors.Tests.Cluster.Serialization;

/// <summary>
/// Two cluster nodes in this process, on loopback, composed with the server's cluster and serialization setup and
/// the real account shard region: the edge of the first node asks devices whose account entity lives on the second,
/// so requests, answers and failures really cross the network, through Akka.Remote and its frame size.
/// </summary>
public sealed class TwoNodeSerializationTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly ConcurrentQueue<object> _onFirst = new();
    private readonly ConcurrentQueue<object> _onSecond = new();
    private readonly ConcurrentDictionary<Guid, object> _answers = new();
    private IHost? _first;
    private IHost? _second;

    [Fact]
    public async Task Requests_answers_and_failures_cross_to_an_account_on_the_other_node()
    {
        var devices = new DeviceRegion(_first!.Services.GetRequiredService<ActorRegistry>().Get<AccountEntityActor>());
        var request = await RequestForAnAccountOnTheSecondNode(devices);
        var response = (IEasResponse)ResponseCorpus.Writers["Sync/response-14.1-commands.xml"].Target!;
        var attachment = Enumerable.Range(0, 1024 * 1024).Select(i => (byte)(i * 7)).ToArray();

        var responded = await Ask(devices, request, new RespondWith(response));
        var content = await Ask(devices, request, new RespondWithContent("application/pdf", new MemoryStream(attachment)));
        var storeDown = await Should.ThrowAsync<StoreUnavailableException>(Ask(devices, request, new Status.Failure(new StoreUnavailableException("The journal is gone."))));
        var defect = await Should.ThrowAsync<RemoteActorFailureException>(Ask(devices, request, new Status.Failure(new InvalidOperationException("A defect."))));

        var arrived = responded.ShouldBeOfType<RespondWith>().Response;
        arrived.ShouldNotBeSameAs(response);
        Encode(arrived, ProtocolVersion.V141).ShouldBe(Encode(response, ProtocolVersion.V141));
        var body = content.ShouldBeOfType<RespondWithContent>().Content.ShouldBeOfType<MemoryStream>().ToArray();
        body.ShouldBe(attachment, "larger than Akka's default frame of 128000 bytes");
        storeDown.Message.ShouldBe("The journal is gone.");
        defect.Message.ShouldBe("InvalidOperationException: A defect.");
        _onSecond.OfType<ExecuteDeviceCommand>().Last().Request.ShouldBeStructurallyEqual(request with { EmailAddress = LastKey() });
    }

    public async Task InitializeAsync()
    {
        var firstPort = FreePort();
        _first = await StartNode(new ClusterSettings { Port = firstPort, AcceptableHeartbeatPause = TimeSpan.FromSeconds(10) }, _onFirst);
        _second = await StartNode(
            new ClusterSettings { Port = FreePort(), Seeds = [$"127.0.0.1:{firstPort}"], AcceptableHeartbeatPause = TimeSpan.FromSeconds(10) }, _onSecond);
        var cluster = Akka.Cluster.Cluster.Get(_first.Services.GetRequiredService<ActorSystem>());
        var until = DateTime.UtcNow + Deadline;
        while (cluster.State.Members.Count(m => m.Status == MemberStatus.Up) < 2)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The second node did not join.");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { _second, _first }.OfType<IHost>())
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    /// <summary>
    /// Asks for accounts one after the other until one's entity starts on the second node: new shards go to the
    /// region with the fewest, once the second node's region has registered with the coordinator.
    /// </summary>
    private async Task<DeviceRequest> RequestForAnAccountOnTheSecondNode(DeviceRegion devices)
    {
        var until = DateTime.UtcNow + Deadline;
        for (var i = 0; DateTime.UtcNow < until; i++)
        {
            var request = ClusterSamples.Request(ClusterSamples.RequestDocuments.First(d => d.Command == "Sync")) with { AccountId = $"user{i}@ox.io" };
            await Ask(devices, request, new RespondEmpty());
            if (_onSecond.OfType<ExecuteDeviceCommand>().Any(c => c.Request.AccountId == request.AccountId)) return request;
            await Task.Delay(100);
        }

        throw new TimeoutException("No account's entity started on the second node.");
    }

    private Task<CommandOutcome> Ask(DeviceRegion devices, DeviceRequest request, object answer) =>
        devices.ExecuteAsync(request with { EmailAddress = StandInDevice.Register(_answers, answer) }, Deadline, CancellationToken.None);

    private string LastKey() => _onSecond.OfType<ExecuteDeviceCommand>().Last().Request.EmailAddress;

    private async Task<IHost> StartNode(ClusterSettings settings, ConcurrentQueue<object> arrived)
    {
        var entity = new AccountEntitySettings(
            _ => Actors.Tests.TestKit.TestCluster.Unused("a gate"),
            _ => Actors.Tests.TestKit.TestCluster.Unused("a mailbox"),
            (_, _) => StandInDevice.PropsFor(arrived, _answers));
        var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka(ClusterSettings.SystemName, akka => ServerSerialization.Configure(akka, settings)
                .WithShardRegion<AccountEntityActor>(
                    EasActorsHosting.AccountsTypeName,
                    accountId => AccountEntityActor.PropsFor(accountId, entity),
                    new AccountMessageExtractor(10),
                    new ShardOptions { RememberEntities = false, ShouldPassivateIdleEntities = false })))
            .Build();
        await host.StartAsync();
        return host;
    }

    private static byte[] Encode(IEasResponse response, ProtocolVersion version)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new WbxmlWriter(buffer);
        response.Write(writer, version);
        writer.Finish();
        return buffer.WrittenSpan.ToArray();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
