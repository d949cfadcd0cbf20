using Akka.Actor;
using Akka.Pattern;
using Eas.Actors.Persistence;

namespace Eas.Actors.Cluster;

/// <summary>
/// The props a cluster singleton manager runs for a persistent singleton: the actor under a backoff
/// supervisor. A journal failure stops a persistent actor, and the singleton manager would leave it stopped;
/// the supervisor starts it again (0.5 s, doubling to 10 s, with jitter), recovering what was written, and
/// answers asks meanwhile with a retriable <see cref="StoreUnavailableException"/>.
/// </summary>
public static class RestartingSingleton
{
    public static Props Props(Props singleton, string name, string what) =>
        BackoffSupervisor.Props(
            Backoff.OnStop(singleton, name, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(10), 0.2, maxNrOfRetries: -1)
                .WithReplyWhileStopped(new Status.Failure(new StoreUnavailableException($"The {what} is restarting after a journal failure; try again."))));
}
