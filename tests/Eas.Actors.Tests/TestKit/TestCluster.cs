using Akka.Actor;
using Akka.Hosting;
using Eas.Actors.Accounts;
using Eas.Actors.Cluster;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Audit;
using Eas.Actors.Persistence.Journal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Eas.Actors.Tests.TestKit;

/// <summary>
/// A real Akka.NET cluster of one, composed exactly as the server composes it (<see cref="EasActorsHosting"/>):
/// the account shard region and the license and directory singletons, on a free loopback port, with the
/// server's journal (SQLite in a directory of the test's, or the PostgreSQL it names).
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Support.ScratchDirectory? _scratch;

    private TestCluster(IHost host, DirectoryView view, Support.ScratchDirectory? scratch)
    {
        _host = host;
        _scratch = scratch;
        View = view;
    }

    public IActorRegistry Registry => _host.Services.GetRequiredService<ActorRegistry>();

    public ActorSystem System => _host.Services.GetRequiredService<ActorSystem>();

    public DirectoryView View { get; }

    /// <summary>The index of the admin's device lists, with a deadline for a loaded machine.</summary>
    public Actors.Devices.Lists.DeviceListIndex DeviceLists => new(Registry.Get<Actors.Devices.Lists.DeviceListIndexActor>(), TimeSpan.FromSeconds(30));

    /// <summary>The account shard region.</summary>
    public IActorRef Accounts => Registry.Get<AccountEntityActor>();

    /// <summary>The gates, directory and license over this cluster, with a short deadline.</summary>
    public AccessRegions Access => AccessRegions.From(Registry, View, TimeSpan.FromSeconds(10));

    /// <summary>
    /// Starts a node; <paramref name="accounts"/> is asked for the entity settings when the first account entity
    /// starts. <paramref name="journal"/> defaults to SQLite in a fresh temporary directory of this cluster's.
    /// </summary>
    public static async Task<TestCluster> StartAsync(
        Actors.Licensing.LicenseActorSettings license, DirectoryActorSettings directory, Func<TestCluster, AccountEntitySettings> accounts, JournalOptions? journal = null,
        Actors.Devices.Lists.DeviceListIndexSettings? deviceLists = null)
    {
        var scratch = journal is null ? new Support.ScratchDirectory() : null;
        var persistence = journal ?? new JournalOptions { DataDirectory = scratch!.Path };
        var view = new DirectoryView();
        TestCluster? cluster = null;
        var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka(ClusterSettings.SystemName, akka => akka
                .WithEasCluster(new ClusterSettings())
                .WithEasClusterSerialization(maxRequestBodyBytes: 1 << 20)
                .WithEasPersistence(persistence, EasManifests.Table)
                .WithAuditLog()
                .WithEasActors(new EasActorsComposition(() => accounts(cluster!), license, directory, view, new ClusterStats()) { DeviceLists = deviceLists ?? new() }, shards: 10)))
            .Build();
        cluster = new TestCluster(host, view, scratch);
        await host.StartAsync();
        return cluster;
    }

    /// <summary>Child props that fail loudly: for tests that do not use that kind of actor.</summary>
    public static Props Unused(string what) => Props.Create(() => new UnusedActor(what));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _scratch?.Dispose();
    }

    private sealed class UnusedActor : ReceiveActor
    {
        public UnusedActor(string what) => ReceiveAny(_ => throw new InvalidOperationException($"This test does not use {what}."));
    }
}
