namespace Eas.Actors.Persistence;

/// <summary>
/// The store could not be used (database busy or locked, I/O error, full disk, unreadable or corrupt file).
/// Whether or not a write in flight took effect is unknown until the state is reloaded. The server answers a
/// retriable error (HTTP 503 with Retry-After, or the command's server-error status), never a state reset.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
