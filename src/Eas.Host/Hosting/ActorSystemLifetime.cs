using Akka.Actor;

namespace Eas.Host.Hosting;

/// <summary>
/// Leaves the cluster gracefully when the host stops, in the "stopping" phase: before Kestrel stops, so any
/// request an actor still holds (a parked long-poll) is answered on its still-open connection (the phone
/// reconnects, to another node in a cluster), shards are handed over to the remaining nodes, and every
/// actor's last state is written before the process ends.
/// </summary>
internal sealed class ActorSystemLifetime(ActorSystem system) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) =>
        CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance).WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
