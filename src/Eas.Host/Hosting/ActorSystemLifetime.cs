using Akka.Actor;
using Eas.Host.Diagnostics;

namespace Eas.Host.Hosting;

/// <summary>
/// Ties the process to its cluster membership. When the host stops, it leaves the cluster gracefully in the
/// "stopping" phase: before Kestrel stops, so any request an actor still holds (a parked long-poll) is
/// answered on its still-open connection (the phone reconnects, to another node in a cluster), shards are
/// handed over to the remaining nodes, and every actor's last state is written before the process ends. The
/// other way round, a node the split brain resolver downs terminates its actor system; the process then stops
/// too (its requests meanwhile answer 503), so it never answers from entities that now live elsewhere, and its
/// service manager starts it again as a fresh member.
/// </summary>
internal sealed class ActorSystemLifetime(ActorSystem system, IHostApplicationLifetime application, ILogger<ActorSystemLifetime> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _ = system.WhenTerminated.ContinueWith(
            _ =>
            {
                if (application.ApplicationStopping.IsCancellationRequested) return;
                HostLog.RemovedFromCluster(logger);
                application.StopApplication();
            },
            TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) =>
        CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance).WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
