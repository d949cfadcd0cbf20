namespace Eas.Actors.Kernel;

/// <summary>
/// The message could not be handled because its actor has stopped (restart limit, explicit stop of a top-level
/// actor, or system shutdown). Safe to retry later: for an HTTP request this is a 503, never a state reset.
/// </summary>
public sealed class ActorStoppedException : Exception
{
    public ActorStoppedException(string message)
        : base(message)
    {
    }

    public ActorStoppedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
