namespace Eas.Load.Eas;

/// <summary>A command that did not succeed: an HTTP error, a protocol status other than success, or a body the simulated phone cannot use.</summary>
internal class EasCallException(string message, bool transient = false) : Exception(message)
{
    /// <summary>True when sending the same request again may work (HTTP 5xx, timeout, connection reset).</summary>
    public bool Transient { get; } = transient;
}
