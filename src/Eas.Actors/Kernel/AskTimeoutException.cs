namespace Eas.Actors.Kernel;

/// <summary>
/// An ask passed its deadline without a reply. The actor may still hold the reply handle; a late reply is
/// ignored. The actor's state is unaffected, so the request can be retried.
/// </summary>
public sealed class AskTimeoutException : TimeoutException
{
    public AskTimeoutException(string message)
        : base(message)
    {
    }

    public AskTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
