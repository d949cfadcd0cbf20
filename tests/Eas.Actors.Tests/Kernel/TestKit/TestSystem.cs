using System.Diagnostics.Metrics;
using Eas.Actors.Kernel;

namespace Eas.Actors.Tests.Kernel.TestKit;

/// <summary>An actor system on its own meter (so metrics of parallel tests never mix), shut down on dispose.</summary>
public sealed class TestSystem : IAsyncDisposable
{
    public TestSystem(TimeProvider? clock = null, int maxRestarts = 10)
    {
        Meter = new Meter("Eas.Server.Test");
        Metrics = new MetricsRecorder(Meter);
        System = new ActorSystem(new ActorSystemOptions
        {
            Meter = Meter,
            Clock = clock ?? TimeProvider.System,
            MaxRestarts = maxRestarts,
        });
    }

    public Meter Meter { get; }

    public MetricsRecorder Metrics { get; }

    public ActorSystem System { get; }

    public async ValueTask DisposeAsync()
    {
        await System.ShutdownAsync().Within();
        Metrics.Dispose();
        Meter.Dispose();
    }
}
