using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Hosting;
using Akka.Remote.Hosting;
using Eas.Actors.Accounts;
using Eas.Actors.Licensing;

namespace Eas.Actors.Cluster;

/// <summary>What the account entities and the singletons are made from; the host composes it from its options.</summary>
/// <param name="Accounts">The account entities' settings, built once when the first entity starts (the shard region and proxies exist by then).</param>
/// <param name="License">The license singleton's settings.</param>
/// <param name="Directory">The directory singleton's settings.</param>
/// <param name="View">This node's view of the directory, kept current by pub-sub.</param>
/// <param name="Stats">Where this node's view of the cluster is published.</param>
public sealed record EasActorsComposition(
    Func<AccountEntitySettings> Accounts, LicenseActorSettings License, DirectoryActorSettings Directory, DirectoryView View, ClusterStats Stats)
{
    /// <summary>The device list index singleton's settings (the admin's quarantined and wipe-pending lists).</summary>
    public Devices.Lists.DeviceListIndexSettings DeviceLists { get; init; } = new();
}

/// <summary>
/// The server's actors on Akka.Hosting: remoting and clustering (with a split brain resolver that keeps the
/// majority), the account shard region (registered under <see cref="AccountEntityActor"/>), and the license and
/// directory singletons with their proxies (registered under <see cref="LicenseActor"/> and
/// <see cref="DirectoryActor"/>).
/// </summary>
public static class EasActorsHosting
{
    /// <summary>The shard region's type name, the same on every node.</summary>
    public const string AccountsTypeName = "account";

    public static AkkaConfigurationBuilder WithEasCluster(this AkkaConfigurationBuilder builder, ClusterSettings cluster)
    {
        builder
            .WithRemoting(cluster.Host, cluster.Port)
            .WithClustering(new ClusterOptions
            {
                SeedNodes = [.. cluster.SeedAddresses],
                SplitBrainResolver = new KeepMajorityOption(),
            })
            .AddHocon(ClusterHocon(cluster), HoconAddMode.Prepend)
            .WithActors((system, _, resolver) =>
            {
                var logger = resolver.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger(typeof(QuarantineGuard).FullName!)
                    ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
                system.ActorOf(Props.Create(() => new QuarantineGuard(logger)), QuarantineGuard.Name);
            });
        if (cluster.Seeds.Count == 0)
        {
            builder.WithActors((system, _) => Akka.Cluster.Cluster.Get(system).Join(Akka.Cluster.Cluster.Get(system).SelfAddress));
        }

        return builder;
    }

    public static AkkaConfigurationBuilder WithEasActors(this AkkaConfigurationBuilder builder, EasActorsComposition composition, int shards)
    {
        // A proxy looks for its singleton every quarter second (Akka: 1 s): a node's first request, and every
        // request right after the singleton moved, wait for it.
        var singleton = new ClusterSingletonOptions { SingletonIdentificationInterval = TimeSpan.FromMilliseconds(250) };
        return builder
            .AddHocon(LeanMailbox.Hocon, HoconAddMode.Prepend)
            .WithSingleton<LicenseActor>(LicenseActor.Name, LicenseActor.SingletonProps(composition.License), singleton, createProxyToo: true)
            .WithSingleton<DirectoryActor>(DirectoryActor.Name, DirectoryActor.SingletonProps(composition.Directory), singleton, createProxyToo: true)
            .WithSingleton<Devices.Lists.DeviceListIndexActor>(Devices.Lists.DeviceListIndexActor.Name, Devices.Lists.DeviceListIndexActor.SingletonProps(composition.DeviceLists), singleton, createProxyToo: true)
            .WithActors((system, _) => system.ActorOf(Props.Create(() => new DirectoryViewSubscriber(composition.View)), "directory-view"))
            .WithShardRegion<AccountEntityActor>(
                AccountsTypeName,
                (_, _) =>
                {
                    var settings = new Lazy<AccountEntitySettings>(() => composition.Accounts() with { ChildMailbox = LeanMailbox.Id });
                    return accountId => AccountEntityActor.PropsFor(accountId, settings.Value).WithMailbox(LeanMailbox.Id);
                },
                new AccountMessageExtractor(shards),
                new ShardOptions { RememberEntities = false, ShouldPassivateIdleEntities = false, HandOffStopMessage = HandOffAccount.Instance })
            .WithActors((system, registry) => system.ActorOf(Props.Create(() => new ClusterStatsActor(registry.Get<AccountEntityActor>(), composition.Stats)), "cluster-stats"))
            .WithActors((system, registry, resolver) => system.ActorOf(
                ChildLetterReturner.PropsFor(registry.Get<AccountEntityActor>().Path, resolver.GetService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger(typeof(ChildLetterReturner).FullName!),
                    resolver.GetService<Diagnostics.PushMetrics>()),
                ChildLetterReturner.Name));
    }

    /// <summary>
    /// Settings Akka.Hosting has no option for. Idle passivation by sharding is off: an account entity decides
    /// itself when it is empty (a parked Ping must keep it alive however long no message comes). A region retries
    /// registering with its coordinator every quarter second (Akka: 2 s), which is what requests wait for after
    /// a start or a failover. The leader moves members (joining to up, leaving to exiting) every 200 ms
    /// (Akka: 1 s, after a first delay of 1 s), and a leaving node hands its singletons over every 200 ms (Akka: 1 s),
    /// so a node serves sooner after its start and leaves sooner at its stop. The singleton proxies do not log
    /// "failed to find an associated singleton … after 30 seconds": Akka.NET 1.5 starts that check's periodic timer
    /// with no initial delay, so it fired within a second of every start and every singleton move, before any
    /// search could have failed; where the singletons run is on <c>/metrics</c> (<c>eas_cluster_singletons_here</c>)
    /// and in <c>GET /admin/api/cluster</c>, and a request that waits too long for one is answered 503.
    /// </summary>
    private static string ClusterHocon(ClusterSettings cluster)
    {
        var pause = cluster.AcceptableHeartbeatPause is { } p ? $"akka.cluster.failure-detector.acceptable-heartbeat-pause = {(int)p.TotalMilliseconds}ms" : "";
        return $"""
            akka.cluster.split-brain-resolver.stable-after = {(int)cluster.StableAfter.TotalMilliseconds}ms
            akka.cluster.run-coordinated-shutdown-when-down = on
            akka.cluster.sharding.passivate-idle-entity-after = off
            akka.cluster.sharding.retry-interval = 250ms
            akka.cluster.periodic-tasks-initial-delay = 100ms
            akka.cluster.leader-actions-interval = 200ms
            akka.cluster.singleton.hand-over-retry-interval = 200ms
            akka.cluster.sharding.remember-entities = off
            akka.cluster.log-info = off
            akka.cluster.singleton-proxy.log-singleton-identification-failure = off
            akka.loglevel = WARNING
            {pause}
            """;
    }
}
