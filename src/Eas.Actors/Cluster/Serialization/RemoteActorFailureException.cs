namespace Eas.Actors.Cluster.Serialization;

/// <summary>
/// An actor on another node failed with an exception that has no cluster form (a defect, not an outage): its type
/// name and message, as text. The edge answers it as it answers the same failure on its own node, HTTP 500.
/// </summary>
public sealed class RemoteActorFailureException : Exception
{
    public RemoteActorFailureException(string message)
        : base(message)
    {
    }
}
