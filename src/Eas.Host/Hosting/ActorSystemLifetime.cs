using Eas.Actors.Kernel;

namespace Eas.Host.Hosting;

/// <summary>
/// Stops the actors gracefully when the host stops, in the "stopping" phase: before Kestrel stops, so any
/// request an actor still holds (a parked long-poll) is answered on its still-open connection and every
/// actor's last state is written before the process ends.
/// </summary>
internal sealed class ActorSystemLifetime(ActorSystem system) : IHostedLifecycleService
{
    private static readonly TimeSpan ShutdownBudget = TimeSpan.FromSeconds(20);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(ShutdownBudget);
        await system.ShutdownAsync(budget.Token);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
