using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Eas.Actors.Tests.Support;

/// <summary>
/// An actor system built the way the host builds it, through Akka.Hosting's <c>AddAkka</c> and the same
/// <see cref="AkkaConfigurationBuilder"/> extensions, but without a generic host: the system is resolved from the
/// service provider (which creates it), and disposing runs coordinated shutdown. Actor starters registered on the
/// builder are not run; tests start their actors themselves.
/// </summary>
public sealed class HostedActorSystem : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private HostedActorSystem(ServiceProvider services)
    {
        _services = services;
        System = services.GetRequiredService<ActorSystem>();
    }

    public ActorSystem System { get; }

    public static HostedActorSystem Start(Action<AkkaConfigurationBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddAkka("eas-test", builder =>
        {
            builder.AddHocon("akka.loglevel = WARNING", HoconAddMode.Prepend);
            configure(builder);
        });
        return new HostedActorSystem(services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await CoordinatedShutdown.Get(System).Run(CoordinatedShutdown.ClrExitReason.Instance);
        await _services.DisposeAsync();
    }
}
