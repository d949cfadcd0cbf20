using System.Collections.Concurrent;
using Akka.Actor;
using Eas.Actors.Devices;

namespace Eas.Actors.Tests.Cluster.Serialization;

/// <summary>
/// A device child that records what reaches it and answers what the test registered for the request: the key rides
/// in the request (its EmailAddress, which crosses with it); a request without a key is left parked.
/// </summary>
internal sealed class StandInDevice : ReceiveActor
{
    public StandInDevice(ConcurrentQueue<object> arrived, ConcurrentDictionary<Guid, object> answers)
    {
        Receive<ExecuteDeviceCommand>(command =>
        {
            arrived.Enqueue(command);
            if (Guid.TryParse(command.Request.EmailAddress, out var key)) Sender.Tell(answers[key]);
        });
        Receive<AbandonRequest>(arrived.Enqueue);
        Receive<GetDeviceState>(_ => Sender.Tell(new DeviceStateReply(ClusterSamples.DeviceState)));
    }

    public static Props PropsFor(ConcurrentQueue<object> arrived, ConcurrentDictionary<Guid, object> answers) =>
        Props.Create(() => new StandInDevice(arrived, answers));

    /// <summary>Registers <paramref name="answer"/> and returns the key to put in the request's EmailAddress.</summary>
    public static string Register(ConcurrentDictionary<Guid, object> answers, object answer)
    {
        var key = Guid.NewGuid();
        answers[key] = answer;
        return key.ToString();
    }
}
